package io.firerisk.internal;

import io.firerisk.rules.CampaignData;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.AgendaGroupPoppedEvent;
import org.kie.api.event.rule.AgendaGroupPushedEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.MatchCancelledEvent;
import org.kie.api.event.rule.MatchCreatedEvent;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleFlowGroupActivatedEvent;
import org.kie.api.event.rule.RuleFlowGroupDeactivatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rule sessions kept ready for reuse. Each session is created once with the campaign global set
 * and one permanent listener that relays events to whichever assessment holds the session, so a
 * borrow costs neither a session nor listener registration; returning it empties its working memory.
 * A session whose assessment failed inside the engine is discarded rather than trusted again.
 */
final class SessionPool {

    /** A session on loan, with the relay that forwards its events to the current recorder. */
    static final class Lease {
        final KieSession session;
        final Relay relay;
        /** What the assessment inserted: deleting these empties the session again (see {@link #release}). */
        final java.util.List<org.kie.api.runtime.rule.FactHandle> inserted = new java.util.ArrayList<>();

        Lease(KieSession session, Relay relay) {
            this.session = session;
            this.relay = relay;
        }
    }

    private final KieBase kieBase;
    private final CampaignData data;
    private final int maxIdle;
    private final ConcurrentLinkedQueue<Lease> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private volatile boolean closed;

    SessionPool(KieBase kieBase, CampaignData data, int maxIdle) {
        this.kieBase = kieBase;
        this.data = data;
        this.maxIdle = maxIdle;
    }

    Lease borrow(FiringRecorder recorder) {
        Lease lease = idle.poll();
        if (lease != null) {
            idleCount.decrementAndGet();
        } else {
            KieSession session = kieBase.newKieSession();
            session.setGlobal("campaign", data);
            Relay relay = new Relay();
            listen(session, relay);
            lease = new Lease(session, relay);
        }
        lease.relay.target = recorder;
        return lease;
    }

    /** Takes a session back; {@code healthy} false discards it (an exception left it in an unknown state). */
    void release(Lease lease, boolean healthy) {
        lease.relay.target = null;
        // kie-api has no way to empty a session for reuse: reset() is Drools' own (its KieSessionsPool calls
        // it too), and measured a tenth cheaper than that pool (docs/performance.md). A session of another
        // implementation is not reused, only disposed.
        if (!healthy || closed || idleCount.get() >= maxIdle
                || !(lease.session instanceof StatefulKnowledgeSessionImpl reusable)) {
            lease.session.dispose();
            return;
        }
        if (!emptiedByDeleting(lease)) {
            reusable.reset();
            // reset() forgets globals and listeners along with working memory.
            lease.session.setGlobal("campaign", data);
            if (!lease.session.getAgendaEventListeners().contains(lease.relay)) {
                lease.session.addEventListener((AgendaEventListener) lease.relay);
            }
            if (!lease.session.getRuleRuntimeEventListeners().contains(lease.relay)) {
                lease.session.addEventListener((RuleRuntimeEventListener) lease.relay);
            }
        }
        lease.inserted.clear();
        idle.offer(lease);
        idleCount.incrementAndGet();
        if (closed) {
            // shut down while this session was being reset: do not leave it behind
            drain();
        }
    }

    /**
     * Deletes what the assessment inserted; truth maintenance then withdraws every conclusion drawn from it (the
     * campaign's rules conclude with {@code insertLogical} only). Preferred to {@code reset()}, which clears the
     * memory of every node of the network, touched or not: about a fifth fewer bytes a venue, time that grows with
     * what the venue brought rather than with the network, and on CPU no clear difference in three quiet runs
     * (docs/performance.md, *Session life cycles on the quiet machine*). False, and the session must be reset, when the session is not
     * empty afterwards or a rule fired while it was being emptied (a rule that concludes from an absence, or a
     * plain {@code insert}): the next assessment must start from an empty session either way.
     */
    private static boolean emptiedByDeleting(Lease lease) {
        for (org.kie.api.runtime.rule.FactHandle handle : lease.inserted) {
            lease.session.delete(handle);
        }
        // the deletions propagate through the network when it is next evaluated: now, with no recorder listening
        int fired = lease.session.fireAllRules(1);
        return fired == 0 && lease.session.getFactCount() == 0;
    }

    /** Registers a listener for both what fires and what is inserted or deleted. */
    static <L extends AgendaEventListener & RuleRuntimeEventListener> void listen(
            org.kie.api.event.KieRuntimeEventManager session, L listener) {
        session.addEventListener((AgendaEventListener) listener);
        session.addEventListener((RuleRuntimeEventListener) listener);
    }

    /** Sessions kept ready. */
    int idle() {
        return idleCount.get();
    }

    /**
     * Disposes the idle sessions. Assessments still running (a reload swapped the campaign under them) finish
     * on the sessions they hold, which are disposed, not kept, when they come back.
     */
    void shutdown() {
        closed = true;
        drain();
    }

    private void drain() {
        Lease lease;
        while ((lease = idle.poll()) != null) {
            idleCount.decrementAndGet();
            lease.session.dispose();
        }
    }

    /** Forwards a session's events to the recorder of the assessment that holds it. */
    static final class Relay implements AgendaEventListener, RuleRuntimeEventListener {
        volatile FiringRecorder target;

        @Override public void beforeMatchFired(BeforeMatchFiredEvent e) { FiringRecorder t = target; if (t != null) t.beforeMatchFired(e); }
        @Override public void afterMatchFired(AfterMatchFiredEvent e) { FiringRecorder t = target; if (t != null) t.afterMatchFired(e); }
        @Override public void objectInserted(ObjectInsertedEvent e) { FiringRecorder t = target; if (t != null) t.objectInserted(e); }
        @Override public void objectDeleted(ObjectDeletedEvent e) { FiringRecorder t = target; if (t != null) t.objectDeleted(e); }
        @Override public void objectUpdated(ObjectUpdatedEvent e) { }
        @Override public void matchCreated(MatchCreatedEvent e) { }
        @Override public void matchCancelled(MatchCancelledEvent e) { }
        @Override public void agendaGroupPopped(AgendaGroupPoppedEvent e) { }
        @Override public void agendaGroupPushed(AgendaGroupPushedEvent e) { }
        @Override public void beforeRuleFlowGroupActivated(RuleFlowGroupActivatedEvent e) { }
        @Override public void afterRuleFlowGroupActivated(RuleFlowGroupActivatedEvent e) { }
        @Override public void beforeRuleFlowGroupDeactivated(RuleFlowGroupDeactivatedEvent e) { }
        @Override public void afterRuleFlowGroupDeactivated(RuleFlowGroupDeactivatedEvent e) { }
    }
}
