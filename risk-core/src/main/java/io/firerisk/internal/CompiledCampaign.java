package io.firerisk.internal;

import io.firerisk.CampaignException;
import io.firerisk.Problem;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.RuleInfo;
import io.firerisk.rules.CampaignData;
import org.kie.api.KieBase;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A campaign whose data has been read and whose rules have been compiled: everything an
 * assessment needs, immutable and shared by every thread.
 */
public final class CompiledCampaign {

    private final Campaign campaign;
    private final KieBase kieBase;
    private final Map<String, RuleCompiler.CompiledRule> rules;
    private final Map<org.kie.api.definition.rule.Rule, RuleCompiler.CompiledRule> byRuleObject;
    private final CampaignData data;
    private final Lookups lookups;

    private CompiledCampaign(Campaign campaign, KieBase kieBase, Map<String, RuleCompiler.CompiledRule> rules) {
        this.campaign = campaign;
        this.kieBase = kieBase;
        this.rules = rules;
        // The engine hands listeners the same rule objects the knowledge base holds: an identity
        // map spares a string-keyed lookup on every firing.
        Map<org.kie.api.definition.rule.Rule, RuleCompiler.CompiledRule> identity = new java.util.IdentityHashMap<>();
        for (org.kie.api.definition.KiePackage pkg : kieBase.getKiePackages()) {
            for (org.kie.api.definition.rule.Rule r : pkg.getRules()) {
                RuleCompiler.CompiledRule compiled = rules.get(r.getName());
                if (compiled != null) {
                    identity.put(r, compiled);
                }
            }
        }
        this.byRuleObject = identity;
        this.data = new CampaignData(campaign);
        this.lookups = new Lookups(campaign);
    }

    /**
     * Reads and compiles a campaign.
     *
     * @throws CampaignException listing every problem, when there is any error
     */
    public static CompiledCampaign load(CampaignFiles files) {
        DroolsParts.load();
        List<Problem> problems = new ArrayList<>();
        // Unpacking precompiled rules and building their network, and reading the data tables, are
        // independent: overlap them. On the common pool, whose threads may not see Drools (see DroolsParts).
        java.util.concurrent.CompletableFuture<Precompiled> unpacking = files.precompiled()
                .map(blob -> java.util.concurrent.CompletableFuture.supplyAsync(() -> DroolsParts.withLoader(
                        () -> Precompiled.read(blob, CompiledCampaign.class.getClassLoader())
                                .map(p -> p.buildAhead(RuleCompiler.ruleFiles(files))).orElse(null))))
                .orElse(java.util.concurrent.CompletableFuture.completedFuture(null));
        Optional<Campaign> data = CampaignReader.read(files, problems);
        Precompiled precompiled = unpacking.join();
        Optional<RuleCompiler.Result> compiled = data.flatMap(c -> RuleCompiler.compile(c, files, problems, precompiled));
        if (data.isEmpty() || compiled.isEmpty()
                || problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR)) {
            problems.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
            String name = data.map(Campaign::id).orElse(files.source());
            throw new CampaignException(name, problems);
        }
        List<RuleInfo> infos = compiled.get().rules().values().stream().map(RuleCompiler.CompiledRule::info)
                .sorted(Comparator.comparing(RuleInfo::file).thenComparing(RuleInfo::name)).toList();
        Campaign campaign = data.get().withRules(infos);
        return new CompiledCampaign(campaign, compiled.get().kieBase(), compiled.get().rules());
    }

    public Campaign campaign() {
        return campaign;
    }

    KieBase kieBase() {
        return kieBase;
    }

    Lookups lookups() {
        return lookups;
    }

    CampaignData data() {
        return data;
    }

    /** The compiled rule behind a rule object the engine reports. */
    RuleCompiler.CompiledRule rule(org.kie.api.definition.rule.Rule rule) {
        RuleCompiler.CompiledRule compiled = byRuleObject.get(rule);
        return compiled != null ? compiled : rules.get(rule.getName());
    }

    Map<String, RuleCompiler.CompiledRule> rules() {
        return rules;
    }
}
