package io.firerisk.internal;

import io.firerisk.Assessment;
import io.firerisk.RiskEngine;
import io.firerisk.VenueFacts;
import io.firerisk.campaign.Campaign;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.StatelessKieSession;

import java.time.LocalDate;

/**
 * The session strategies the benchmarks compare with the engine's pool, kept here (risk-core's test
 * fixtures, which risk-bench uses) so they never ship: a new stateful session per assessment, and a
 * stateless session per assessment, the naive baseline (it can neither filter rules by date nor stop a
 * loop, so it is for benchmarks inside the campaign only). All three assess with the same facts, the
 * same recorder and the same assembly, so a comparison measures session handling alone.
 */
public final class SessionStrategies {

    /** How an assessment gets its rule session. */
    public enum Strategy {
        /**
         * The engine's: reused sessions, each keeping its global and listener, emptied between assessments by
         * deleting the facts the venue brought.
         */
        POOLED,
        /** A new stateful session per assessment, disposed after. */
        NEW_SESSION,
        /** A stateless session per assessment: the naive baseline. */
        STATELESS,
        /**
         * One session per thread, kept: emptied with {@code reset()}, which clears the memory of every node of the
         * network (the engine's pool did this until it deleted the venue's facts instead).
         */
        RESET,
        /**
         * One session per thread, kept: emptied with Drools' other reset, {@code reset(0, 0, 0)}, which drops
         * the node memories (re-created when next used) instead of clearing every one of them.
         */
        DROP_MEMORIES
    }

    /** One way of assessing, for a benchmark to call. */
    public interface Assessing extends AutoCloseable {
        Assessment assess(VenueFacts facts, LocalDate today);

        @Override
        void close();
    }

    private final CompiledCampaign compiled;

    private SessionStrategies(CompiledCampaign compiled) {
        this.compiled = compiled;
    }

    /** Loads a bundled campaign once, for every strategy to share. */
    public static SessionStrategies bundled(String id) {
        return new SessionStrategies(CompiledCampaign.load(
                CampaignFiles.fromClasspath(id, SessionStrategies.class.getClassLoader())));
    }

    public Campaign campaign() {
        return compiled.campaign();
    }

    /** An assessor using the strategy; {@code explain} as {@code RiskEngine.Builder.explanations}. */
    public Assessing assessor(Strategy strategy, boolean explain) {
        int max = RiskEngine.DEFAULT_MAX_RULE_FIRINGS;
        Assessor assessor = switch (strategy) {
            case POOLED -> new Assessor(compiled, explain, max, Math.max(2, Runtime.getRuntime().availableProcessors() * 2));
            case NEW_SESSION -> new Assessor(compiled, explain, max, SessionStrategies::newSession);
            case STATELESS -> new Assessor(compiled, explain, max, SessionStrategies::stateless);
            case RESET -> new Assessor(compiled, explain, max, new Kept(compiled, false)::fire);
            case DROP_MEMORIES -> new Assessor(compiled, explain, max, new Kept(compiled, true)::fire);
        };
        return new Assessing() {
            @Override
            public Assessment assess(VenueFacts facts, LocalDate today) {
                return assessor.assess(facts, today);
            }

            @Override
            public void close() {
                assessor.shutdown();
            }
        };
    }

    /**
     * The rule firings one assessment makes, by rule name (withdrawn and re-fired matches included): what the
     * growth benchmark counts to tell more work per firing from more firings. A new session per call.
     */
    public java.util.Map<String, Integer> firingsByRule(VenueFacts facts, LocalDate today) {
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        Assessor assessor = new Assessor(compiled, false, RiskEngine.DEFAULT_MAX_RULE_FIRINGS,
                (a, prepared, recorder) -> {
                    KieSession session = a.compiled().kieBase().newKieSession();
                    try {
                        session.setGlobal("campaign", a.compiled().data());
                        SessionPool.listen(session, recorder);
                        session.addEventListener(new org.kie.api.event.rule.DefaultAgendaEventListener() {
                            @Override
                            public void beforeMatchFired(org.kie.api.event.rule.BeforeMatchFiredEvent e) {
                                counts.merge(e.getMatch().getRule().getName(), 1, Integer::sum);
                            }
                        });
                        prepared.facts().forEach(session::insert);
                        if (prepared.day().campaignInForce()) {
                            session.fireAllRules(a.maxFirings());
                        } else {
                            session.fireAllRules(a.outsideCampaign, a.maxFirings());
                        }
                    } finally {
                        session.dispose();
                    }
                });
        assessor.assess(facts, today);
        return counts;
    }

    private static void newSession(Assessor assessor, Enricher.Prepared prepared, FiringRecorder recorder) {
        KieSession session = assessor.compiled().kieBase().newKieSession();
        try {
            session.setGlobal("campaign", assessor.compiled().data());
            SessionPool.listen(session, recorder);
            prepared.facts().forEach(session::insert);
            int fired;
            try {
                fired = prepared.day().campaignInForce()
                        ? session.fireAllRules(assessor.maxFirings())
                        : session.fireAllRules(assessor.outsideCampaign, assessor.maxFirings());
            } catch (RuntimeException e) {
                throw assessor.ruleError(prepared, e);
            }
            assessor.checkFiringLimit(fired, prepared, recorder);
        } finally {
            session.dispose();
        }
    }

    private static void stateless(Assessor assessor, Enricher.Prepared prepared, FiringRecorder recorder) {
        StatelessKieSession session = assessor.compiled().kieBase().newStatelessKieSession();
        session.setGlobal("campaign", assessor.compiled().data());
        SessionPool.listen(session, recorder);
        session.execute(prepared.facts());
    }

    /** A session per thread kept across assessments, emptied by {@code reset()} or by dropping its memories. */
    private static final class Kept {
        private final CompiledCampaign compiled;
        private final boolean dropMemories;
        private final ThreadLocal<SessionPool.Lease> sessions;

        Kept(CompiledCampaign compiled, boolean dropMemories) {
            this.compiled = compiled;
            this.dropMemories = dropMemories;
            this.sessions = ThreadLocal.withInitial(this::open);
        }

        private SessionPool.Lease open() {
            KieSession session = compiled.kieBase().newKieSession();
            session.setGlobal("campaign", compiled.data());
            SessionPool.Relay relay = new SessionPool.Relay();
            SessionPool.listen(session, relay);
            return new SessionPool.Lease(session, relay);
        }

        void fire(Assessor assessor, Enricher.Prepared prepared, FiringRecorder recorder) {
            SessionPool.Lease lease = sessions.get();
            KieSession session = lease.session;
            lease.relay.target = recorder;
            try {
                for (Object fact : prepared.facts()) {
                    session.insert(fact);
                }
                int fired;
                try {
                    fired = prepared.day().campaignInForce()
                            ? session.fireAllRules(assessor.maxFirings())
                            : session.fireAllRules(assessor.outsideCampaign, assessor.maxFirings());
                } catch (RuntimeException e) {
                    throw assessor.ruleError(prepared, e);
                }
                assessor.checkFiringLimit(fired, prepared, recorder);
            } finally {
                lease.relay.target = null;
                org.drools.kiesession.session.StatefulKnowledgeSessionImpl impl =
                        (org.drools.kiesession.session.StatefulKnowledgeSessionImpl) session;
                if (dropMemories) {
                    impl.reset(0, 0, 0);
                } else {
                    // reset() forgets the global and the listeners: set them again, as the pool did
                    impl.reset();
                    session.setGlobal("campaign", compiled.data());
                    SessionPool.listen(session, lease.relay);
                }
            }
        }
    }
}
