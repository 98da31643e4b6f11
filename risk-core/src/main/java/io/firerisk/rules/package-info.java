/**
 * The vocabulary of campaign rules: the facts a DRL file matches and the facts it concludes.
 *
 * <p>These types are public because rule files compile against them; Java programs embedding the
 * engine use {@link io.firerisk.RiskEngine} and its results instead.
 *
 * <p>Inputs, one set per assessment: {@link io.firerisk.rules.VenueProfile},
 * {@link io.firerisk.rules.HazardFinding} (one per finding), {@link io.firerisk.rules.CalendarDay}
 * and {@link io.firerisk.PlaceClassification} (one per place class the venue was put in, with the
 * source and clause of that classification). Rules never change them. Conclusions, inserted with {@code insertLogical} so that a conclusion
 * whose premises stop holding is withdrawn: {@link io.firerisk.rules.ElementPresent},
 * {@link io.firerisk.rules.Exclusion}, {@link io.firerisk.rules.ThresholdCount},
 * {@link io.firerisk.rules.Verdict}, {@link io.firerisk.rules.SuspensionGround} (a legal ground for
 * stopping use holds), {@link io.firerisk.rules.SuspensionRequired} (use stops),
 * {@link io.firerisk.rules.LikelihoodRow} and {@link io.firerisk.rules.SeverityRow} (rows of the
 * campaign's risk matrix), {@link io.firerisk.rules.LikelihoodRaise},
 * {@link io.firerisk.rules.ActionRequired} and {@link io.firerisk.rules.DeadlineCap}.
 *
 * <p>Conclusions compare by identity, not value: two rules that conclude the same thing leave two
 * facts, so each keeps the rule (and clause) that concluded it; the engine merges them when it
 * builds the {@link io.firerisk.Assessment}. The highest L and S rows, the largest raise and the
 * earliest deadline are chosen there, explicitly, never by rule order or salience.
 *
 * <p>Rules read campaign data through the read-only global {@code campaign}
 * ({@link io.firerisk.rules.CampaignData}).
 */
package io.firerisk.rules;
