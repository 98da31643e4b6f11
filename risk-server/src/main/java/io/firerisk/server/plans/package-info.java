/**
 * 双随机、一公开: the bureau draws an inspection plan from the ledger (the reproducible draw of
 * {@code io.firerisk.ledger.draw}), the inspectors come with it, the plan is published, and a page
 * open to anyone lists the published plans and what their inspections found.
 */
package io.firerisk.server.plans;
