package io.firerisk.spark;

import io.firerisk.CampaignException;
import io.firerisk.RiskEngine;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A campaign as the driver chose it, shipped to every task: a bundled id or a folder, and the digest of its
 * files as the driver read them. On an executor, {@link #engine()} gives the one engine of this JVM for that
 * digest, built on first use and shared by every task thread after: never once per record or per partition.
 *
 * <p>A folder shipped with the job ({@code --files} or {@code --archives … #name}) is found in the task's
 * working folder under its name. Before building, the executor digests its own copy: a copy that differs
 * from the driver's (another edition left on one node) fails the job, naming both digests, rather than
 * assessing some venues under another campaign.
 *
 * @param bundledId    the bundled campaign's id, or empty for a folder
 * @param folder       the campaign folder as given, or empty for a bundled campaign
 * @param digest       {@code sha256:…} of the campaign's files, see {@link CampaignDigest}
 * @param explanations whether assessments record every rule that fired (for reasons and diffs)
 */
record CampaignRef(String bundledId, String folder, String digest, boolean explanations) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The engines of this JVM, by digest and whether they explain: a campaign is compiled once per executor. */
    private static final Map<String, RiskEngine> ENGINES = new ConcurrentHashMap<>();

    CampaignRef {
        Objects.requireNonNull(bundledId, "bundledId");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(digest, "digest");
    }

    /** Resolves the campaign on the driver: a folder when {@code folder} is given, else the bundled id. */
    static CampaignRef of(String bundledId, Path folder, boolean explanations) {
        if (folder != null) {
            if (!Files.isDirectory(folder)) {
                throw new CampaignException(folder.toString(), java.util.List.of(io.firerisk.Problem.error("", 0, 0,
                        "not a campaign folder: " + folder.toAbsolutePath() + " does not exist or is not a directory")));
            }
            return new CampaignRef("", folder.toString(), CampaignDigest.ofFolder(folder), explanations);
        }
        return new CampaignRef(bundledId, "", CampaignDigest.ofBundled(bundledId, CampaignRef.class.getClassLoader()),
                explanations);
    }

    /** How many times this JVM has compiled a campaign for its tasks. */
    private static final AtomicInteger BUILDS = new AtomicInteger();

    /** How many times this JVM has compiled a campaign for its tasks: once per digest and explanation setting. */
    static int builds() {
        return BUILDS.get();
    }

    /** This JVM's engine for the campaign, compiled on first use. */
    RiskEngine engine() {
        return ENGINES.computeIfAbsent(digest + (explanations ? " explained" : ""), key -> build());
    }

    private RiskEngine build() {
        BUILDS.incrementAndGet();
        RiskEngine.Builder builder = RiskEngine.builder().explanations(explanations);
        if (folder.isEmpty()) {
            String here = CampaignDigest.ofBundled(bundledId, CampaignRef.class.getClassLoader());
            check(here, "the bundled campaign '" + bundledId + "'");
            return builder.campaign(bundledId).build();
        }
        Path local = localFolder();
        check(CampaignDigest.ofFolder(local), "campaign folder " + local.toAbsolutePath());
        return builder.campaignDirectory(local).build();
    }

    /** The folder on this machine: the path as given, else the copy Spark shipped into the task's folder. */
    private Path localFolder() {
        Path given = Path.of(folder);
        if (Files.isDirectory(given)) {
            return given;
        }
        Path name = given.getFileName();
        if (name != null) {
            Path shipped = Path.of(org.apache.spark.SparkFiles.get(name.toString()));
            if (Files.isDirectory(shipped)) {
                return shipped;
            }
            if (Files.isDirectory(name)) {
                return name;
            }
        }
        throw new IllegalStateException("campaign folder '" + folder + "' is not on this executor: ship it with"
                + " spark-submit --archives campaign.zip#" + (name == null ? "campaign" : name) + " (or --files), and"
                + " give --campaign-dir " + (name == null ? "campaign" : name));
    }

    private void check(String here, String what) {
        if (!here.equals(digest)) {
            throw new IllegalStateException(what + " differs on this executor from the driver's: " + here + " here, "
                    + digest + " on the driver; ship the same campaign to every node");
        }
    }

    /** {@code wanzhou-2023-winter} or the folder, for messages. */
    String name() {
        return folder.isEmpty() ? bundledId : folder;
    }
}
