/**
 * Venue input and assessment output in the formats the {@code firerisk} program reads and writes, for
 * every program that must read or write the same: {@link io.firerisk.io.VenueReader} (JSON Lines, and CSV
 * venue and findings tables) giving {@link io.firerisk.io.VenueRecord}s, the one CSV reader
 * ({@link io.firerisk.io.CsvReader}) and writer ({@link io.firerisk.io.CsvWriter}), and the one JSON Lines
 * serialisation of an {@link io.firerisk.Assessment} ({@link io.firerisk.io.AssessmentJsonLines}).
 *
 * <p>Input is untrusted: every record ends as a venue or a reject naming file, line, venue and field, and
 * the limits hold record by record. Nothing is merged, guessed or changed silently: a stray quote rejects
 * its own row and swallows no other, a findings row that cannot be read rejects its venue, a venue id
 * given twice is rejected at its second line, a line in the wrong encoding is rejected with the option
 * that fixes it, and only UTF-8, GBK and GB18030 are read. Types here are immutable or, for readers and
 * writers, one per file and thread. No rule-engine type appears in this package.
 */
package io.firerisk.io;
