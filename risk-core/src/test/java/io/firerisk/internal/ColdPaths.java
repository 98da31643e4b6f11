package io.firerisk.internal;

import io.firerisk.Problem;
import io.firerisk.VenueFacts;
import io.firerisk.campaign.Campaign;
import io.firerisk.rules.CampaignData;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.KieModule;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieSession;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Two ways to get a bundled campaign's rules running from a cold JVM, for the cold-start benchmark to compare
 * (kept in risk-core's test fixtures, so they never ship): the engine's precompiled rule packages (the DRL compiled
 * at build time to serialised packages, unpacked and built into a Rete network at start), and Drools' executable
 * model (the DRL turned into Java at build time, compiled, and loaded as classes at start). Either way the
 * campaign's data tables are read and one venue is assessed by firing the rules in a new session: the part of a
 * start the rules' form can change.
 */
public final class ColdPaths {

    private ColdPaths() {}

    /** Compiles the bundled campaign's rule files with the executable model and writes the resulting kjar. */
    public static void writeExecutableModel(String id, Path kjar) throws IOException {
        DroolsParts.load();
        CampaignFiles files = CampaignFiles.fromClasspath(id, ColdPaths.class.getClassLoader());
        Map<String, String> rules = RuleCompiler.ruleFiles(files);
        byte[] bytes = DroolsParts.withLoader(() -> {
            KieServices ks = KieServices.Factory.get();
            KieFileSystem kfs = ks.newKieFileSystem();
            ReleaseId release = ks.newReleaseId("io.firerisk.cold", id, "1.0.0");
            kfs.generateAndWritePomXML(release);
            rules.forEach((path, text) -> kfs.write("src/main/resources/" + path, text));
            KieBuilder builder = ks.newKieBuilder(kfs)
                    .buildAll(org.drools.model.codegen.ExecutableModelProject.class);
            List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
            if (!errors.isEmpty()) {
                throw new IllegalStateException("the executable model did not build: " + errors);
            }
            return ((org.drools.compiler.kie.builder.impl.InternalKieModule) builder.getKieModule()).getBytes();
        });
        // the kjar as Drools writes it from memory lacks the Maven coordinates a repository reads back: add them
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(bytes));
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(kjar))) {
            boolean coordinates = false;
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                coordinates |= e.getName().endsWith("pom.properties");
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            if (!coordinates) {
                out.putNextEntry(new java.util.zip.ZipEntry("META-INF/maven/io.firerisk.cold/" + id + "/pom.properties"));
                out.write(("groupId=io.firerisk.cold\nartifactId=" + id + "\nversion=1.0.0\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
    }

    /**
     * In a fresh JVM: reads the campaign's data, gets its rules running ({@code kjar} null: the precompiled packages;
     * else the executable model in that kjar), assesses the venue; returns the milliseconds of each step: data
     * tables, rules ready (knowledge base built), first result (new session, facts inserted, rules fired).
     */
    public static long[] firstResult(String id, Path kjar, Function<Campaign, VenueFacts> venue) throws IOException {
        long t0 = System.nanoTime();
        DroolsParts.load();
        CampaignFiles files = CampaignFiles.fromClasspath(id, ColdPaths.class.getClassLoader());
        List<Problem> problems = new ArrayList<>();
        Campaign campaign = CampaignReader.read(files, problems).orElseThrow();
        long t1 = System.nanoTime();
        KieBase kieBase = DroolsParts.withLoader(() -> {
            if (kjar == null) {
                return Precompiled.read(files.precompiled().orElseThrow(), ColdPaths.class.getClassLoader())
                        .orElseThrow().newKieBase();
            }
            // the generated rule classes, from the kjar's class files, and the model classes its drools-model file
            // names (no kmodule.xml: reading one needs drools-xml-support, which the engine does not ship)
            try {
                java.net.URLClassLoader classes = new java.net.URLClassLoader(new java.net.URL[] {kjar.toUri().toURL()},
                        ColdPaths.class.getClassLoader());
                List<org.drools.model.Model> models = new ArrayList<>();
                try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(kjar.toFile())) {
                    java.util.zip.ZipEntry list = zip.stream().filter(e -> e.getName().endsWith("/drools-model"))
                            .findFirst().orElseThrow();
                    for (String line : new String(zip.getInputStream(list).readAllBytes(),
                            java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                        if (!line.isBlank() && !line.startsWith("Drools-Model-Version")) {
                            models.add((org.drools.model.Model) classes.loadClass(line.trim())
                                    .getDeclaredConstructor().newInstance());
                        }
                    }
                }
                return org.drools.modelcompiler.KieBaseBuilder.createKieBaseFromModel(models);
            } catch (IOException | ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
        long t2 = System.nanoTime();
        VenueFacts facts = venue.apply(campaign);
        Enricher.Prepared prepared = Enricher.prepare(campaign, new Lookups(campaign), facts, facts.assessmentDate());
        int fired = DroolsParts.withLoader(() -> {
            KieSession session = kieBase.newKieSession();
            try {
                session.setGlobal("campaign", new CampaignData(campaign));
                prepared.facts().forEach(session::insert);
                return session.fireAllRules();
            } finally {
                session.dispose();
            }
        });
        long t3 = System.nanoTime();
        if (fired == 0) {
            throw new IllegalStateException("no rule fired");
        }
        return new long[] {(t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, fired};
    }
}
