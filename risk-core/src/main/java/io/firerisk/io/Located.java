package io.firerisk.io;

/** A field at a place in the input, as the input named it: where an engine complaint points. */
record Located(Origin origin, String field) {}
