package io.firerisk.internal;

import io.firerisk.testing.CampaignFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine's session pool gives its sessions back to Drools when a reload retires it. */
class SessionPoolTest {

    @TempDir
    Path temp;

    @Test
    void aRetiredPoolDisposesItsIdleSessionsAndEveryOneReturnedLater() {
        // Given a pool with one idle session and one still in use by an assessment
        CompiledCampaign compiled = CompiledCampaign.load(CampaignFiles.fromFolder(CampaignFixture.copyOf("tiny", temp).folder()));
        SessionPool pool = new SessionPool(compiled.kieBase(), compiled.data(), 4);
        SessionPool.Lease idle = pool.borrow(null);
        SessionPool.Lease busy = pool.borrow(null);
        pool.release(idle, true);
        assertThat(pool.idle()).isEqualTo(1);

        // When a reload retires the pool, and then the assessment gives its session back
        pool.shutdown();
        pool.release(busy, true);

        // Then nothing is kept, and both sessions are disposed
        assertThat(pool.idle()).isZero();
        assertThatThrownBy(() -> idle.session.insert("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> busy.session.insert("x")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aReturnedSessionIsEmptiedByDeletingWhatTheAssessmentInsertedAndKeepsItsGlobal() {
        // Given a pooled session into which an assessment inserted two facts
        CompiledCampaign compiled = CompiledCampaign.load(CampaignFiles.fromFolder(CampaignFixture.copyOf("tiny", temp).folder()));
        SessionPool pool = new SessionPool(compiled.kieBase(), compiled.data(), 4);
        SessionPool.Lease lease = pool.borrow(null);
        lease.inserted.add(lease.session.insert("a fact"));
        lease.inserted.add(lease.session.insert("another fact"));
        lease.session.fireAllRules();

        // When it is returned and borrowed again
        pool.release(lease, true);
        SessionPool.Lease again = pool.borrow(null);

        // Then it is the same session, empty, with nothing left to delete and its campaign global still set
        assertThat(again).isSameAs(lease);
        assertThat(again.session.getFactCount()).isZero();
        assertThat(again.inserted).isEmpty();
        assertThat(again.session.getGlobal("campaign")).isSameAs(compiled.data());
    }

    @Test
    void aReturnedSessionHoldingAFactNobodyRecordedIsResetInstead() {
        // Given a pooled session holding a fact whose handle was not recorded (as a plain insert by a rule would be)
        CompiledCampaign compiled = CompiledCampaign.load(CampaignFiles.fromFolder(CampaignFixture.copyOf("tiny", temp).folder()));
        SessionPool pool = new SessionPool(compiled.kieBase(), compiled.data(), 4);
        SessionPool.Lease lease = pool.borrow(null);
        lease.inserted.add(lease.session.insert("recorded"));
        lease.session.insert("not recorded");

        // When it is returned and borrowed again
        pool.release(lease, true);
        SessionPool.Lease again = pool.borrow(null);

        // Then deleting was not enough, so it was reset: empty, its global and listener set again
        assertThat(again.session.getFactCount()).isZero();
        assertThat(again.session.getGlobal("campaign")).isSameAs(compiled.data());
        assertThat(again.session.getAgendaEventListeners()).contains(again.relay);
    }
}
