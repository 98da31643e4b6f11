package io.firerisk.internal;

import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A campaign's rule packages compiled at build time and stored beside its rule files, so a bundled
 * campaign starts without parsing DRL and compiling consequences (the bulk of a cold start). The
 * blob records a digest of the rule files and the Drools version it was built with; it is used
 * only when both still match, and silently ignored otherwise, so an edited or foreign campaign is
 * always compiled from its source.
 */
public final class Precompiled {

    /** Where the blob lives, relative to the campaign folder. */
    public static final String FILE = "compiled/rules.bin";
    private static final String FORMAT = "firerisk-precompiled-1";

    private final String digest;
    private final List<KiePackage> packages;

    private Precompiled(String digest, List<KiePackage> packages) {
        this.digest = digest;
        this.packages = packages;
    }

    /** True when the blob was built from exactly these rule files with this Drools. */
    boolean builtFrom(Map<String, String> ruleFiles) {
        return digest.equals(digest(ruleFiles));
    }

    /** A knowledge base built ahead by {@link #buildAhead}, handed out once. */
    private KieBase builtAhead;

    /**
     * Builds the knowledge base now, when the blob matches these rule files, so that the loader can do it
     * on another thread while it reads the campaign's data tables; {@link #newKieBase} then hands it out.
     */
    synchronized Precompiled buildAhead(Map<String, String> ruleFiles) {
        if (builtAhead == null && builtFrom(ruleFiles)) {
            try {
                builtAhead = newKieBase();
            } catch (RuntimeException e) {
                // left to the loader's own attempt, which reports it where a failure to build is reported
            }
        }
        return this;
    }

    synchronized KieBase newKieBase() {
        if (builtAhead != null) {
            KieBase kieBase = builtAhead;
            builtAhead = null;
            return kieBase;
        }
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase();
        kieBase.addPackages(packages);
        return kieBase;
    }

    /**
     * Compiles a campaign folder from source and returns the blob for it.
     *
     * @throws CampaignException listing every problem, when the campaign has an error
     */
    public static byte[] build(java.nio.file.Path folder) throws IOException {
        CampaignFiles files = CampaignFiles.fromFolder(folder);
        java.util.List<io.firerisk.Problem> problems = new java.util.ArrayList<>();
        Optional<io.firerisk.campaign.Campaign> campaign = CampaignReader.read(files, problems);
        Optional<RuleCompiler.Result> compiled = campaign.flatMap(c -> RuleCompiler.compile(c, files, problems, null));
        if (compiled.isEmpty() || problems.stream().anyMatch(p -> p.severity() == io.firerisk.Problem.Severity.ERROR)) {
            throw new io.firerisk.CampaignException(folder.toString(), problems);
        }
        return write(compiled.get().kieBase(), RuleCompiler.ruleFiles(files));
    }

    /** Reads a blob; empty when it is unreadable or from another format, so the caller compiles instead. */
    static Optional<Precompiled> read(byte[] blob, ClassLoader loader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(blob))) {
            if (!FORMAT.equals(in.readUTF())) {
                return Optional.empty();
            }
            String digest = in.readUTF();
            try (ObjectInputStream objects = new DroolsObjectInputStream(in, loader)) {
                @SuppressWarnings("unchecked")
                List<KiePackage> packages = (List<KiePackage>) objects.readObject();
                return Optional.of(new Precompiled(digest, packages));
            }
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The blob for a compiled knowledge base and the rule files it came from. */
    static byte[] write(KieBase kieBase, Map<String, String> ruleFiles) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(FORMAT);
            out.writeUTF(digest(ruleFiles));
            try (DroolsObjectOutputStream objects = new DroolsObjectOutputStream(out)) {
                Collection<KiePackage> packages = kieBase.getKiePackages();
                objects.writeObject(new ArrayList<>(packages));
            }
        }
        return bytes.toByteArray();
    }

    static String digest(Map<String, String> ruleFiles) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(droolsVersion().getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, String> e : new TreeMap<>(ruleFiles).entrySet()) {
                sha.update((byte) 0);
                sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(e.getValue().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /**
     * The Drools version, from the Maven metadata every Drools jar carries (it survives shading,
     * unlike the jar manifest's implementation version).
     */
    private static String droolsVersion() {
        try (java.io.InputStream in = KieBase.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.drools/drools-core/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            java.util.Properties properties = new java.util.Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
