/**
 * A unit's own work (自查自改, 二(三); readiness, 二(九); education, 二(七)): the checklists of the campaign's
 * data filled for the unit's venues, each item found wanting recorded as a hazard of the ledger, and the
 * unit's education activities. A unit officer sees and records only their own unit's.
 */
package io.firerisk.server.units;
