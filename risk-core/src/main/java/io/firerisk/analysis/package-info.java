/**
 * Tools for the people who write campaigns: check a campaign folder beyond what loading refuses
 * ({@link io.firerisk.analysis.Validator}), measure what its scenario tables exercise
 * ({@link io.firerisk.analysis.Coverage}), compare two campaigns venue by venue
 * ({@link io.firerisk.analysis.CampaignDiff}) and start a new campaign from an old one
 * ({@link io.firerisk.analysis.NewCampaign}).
 *
 * <p>Everything here works on campaign folders and public results; no Drools type appears in it.
 */
package io.firerisk.analysis;
