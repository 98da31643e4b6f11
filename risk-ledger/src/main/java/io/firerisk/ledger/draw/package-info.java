/**
 * 双随机、一公开: the reproducible, weighted draw of venues to inspect and of the inspectors sent to
 * each, shared by the {@code firerisk plan-inspections} command and the desk.
 */
package io.firerisk.ledger.draw;
