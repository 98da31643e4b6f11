package io.firerisk.spark;

import io.firerisk.CampaignException;
import io.firerisk.Problem;
import io.firerisk.RiskEngine;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A campaign as the driver chose it, shipped to every task: a bundled id or a folder, and the digest of its
 * files and the standards it mounts ({@link io.firerisk.campaign.Campaign#digest()}) as the driver read them.
 * On an executor, {@link #engine()} gives the one engine of this JVM for that digest, built on first use and
 * shared by every task thread after: never once per record or per partition.
 *
 * <p>The driver compiles the campaign once too (into the same map, so a local run compiles it once in all):
 * a campaign with errors stops the job before any task starts, with its file and line.
 *
 * <p>A folder shipped with the job ({@code --files} or {@code --archives … #name}) is found in the task's
 * working folder under its name. An executor checks the digest of the campaign it compiled: a copy that
 * differs from the driver's (another edition left on one node, another standard beside it) fails the job,
 * naming both digests, rather than assessing some venues under another campaign.
 *
 * @param bundledId    the bundled campaign's id, or empty for a folder
 * @param folder       the campaign folder as given, or empty for a bundled campaign
 * @param digest       {@code sha256:…} of the campaign's files and its standards'
 * @param explanations whether assessments record every rule that fired (for reasons and diffs)
 */
record CampaignRef(String bundledId, String folder, String digest, boolean explanations) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The engines of this JVM, by digest and whether they explain: a campaign is compiled once per executor. */
    private static final Map<String, RiskEngine> ENGINES = new ConcurrentHashMap<>();

    /** How many times this JVM has compiled a campaign for its jobs and tasks. */
    private static final AtomicInteger BUILDS = new AtomicInteger();

    CampaignRef {
        Objects.requireNonNull(bundledId, "bundledId");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(digest, "digest");
    }

    /**
     * Resolves the campaign on the driver, a folder when {@code folder} is given, else the bundled id, and
     * compiles it there unless this JVM already holds an engine for the same content.
     */
    static CampaignRef of(String bundledId, Path folder, boolean explanations) {
        if (folder != null && !Files.isDirectory(folder)) {
            throw new CampaignException(folder.toString(), List.of(Problem.error("", 0, 0,
                    "not a campaign folder: " + folder.toAbsolutePath() + " does not exist or is not a directory")));
        }
        RiskEngine.Builder builder = folder != null ? builder(explanations).campaignDirectory(folder)
                : builder(explanations).campaign(bundledId);
        CampaignRef ref = new CampaignRef(folder != null ? "" : bundledId, folder != null ? folder.toString() : "",
                builder.campaignDigest(), explanations);
        ref.engine(builder, "the campaign " + ref.name() + " on the driver");
        return ref;
    }

    /** How many times this JVM has compiled a campaign: once per digest and explanation setting. */
    static int builds() {
        return BUILDS.get();
    }

    /** This JVM's engine for the campaign, compiled on first use. */
    RiskEngine engine() {
        RiskEngine built = ENGINES.get(key());
        if (built != null) {
            return built;
        }
        if (folder.isEmpty()) {
            return engine(builder(explanations).campaign(bundledId), "the bundled campaign '" + bundledId + "'");
        }
        Path local = localFolder();
        return engine(builder(explanations).campaignDirectory(local), "campaign folder " + local.toAbsolutePath());
    }

    private RiskEngine engine(RiskEngine.Builder builder, String what) {
        return ENGINES.computeIfAbsent(key(), key -> build(builder, what));
    }

    private String key() {
        return digest + (explanations ? " explained" : "");
    }

    private static RiskEngine.Builder builder(boolean explanations) {
        return RiskEngine.builder().explanations(explanations).classLoader(CampaignRef.class.getClassLoader());
    }

    private RiskEngine build(RiskEngine.Builder builder, String what) {
        BUILDS.incrementAndGet();
        RiskEngine engine = builder.build();
        String here = engine.campaign().digest();
        if (!here.equals(digest)) {
            engine.close();
            throw new IllegalStateException(what + " differs on this JVM from the driver's: " + here + " here, "
                    + digest + " on the driver (a file of it or of a standard it applies differs, or changed while"
                    + " being read); ship the same campaign to every node");
        }
        return engine;
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

    /** {@code wanzhou-2023-winter} or the folder, for messages. */
    String name() {
        return folder.isEmpty() ? bundledId : folder;
    }
}
