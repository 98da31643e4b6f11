package io.firerisk.internal;

import org.drools.core.common.TruthMaintenanceSystemFactory;
import org.drools.core.reteoo.AgendaComponentFactory;
import org.drools.core.reteoo.RuntimeComponentFactory;
import org.drools.kiesession.factory.KnowledgeHelperFactory;

import java.util.function.Supplier;

/**
 * Drools 10 finds parts of itself (the session runtime in drools-kiesession, truth maintenance in drools-tms) with
 * {@link java.util.ServiceLoader} on the context class loader of the thread that first needs each part, and keeps
 * what it found, or a fallback without truth maintenance when it found nothing, for the life of the JVM. In the
 * packaged desk ({@code java -jar}) the common fork-join pool's threads have the system class loader, which sees
 * only Spring Boot's launcher: a replay's parallel stream that was first to need a part left the JVM with rule
 * matches that are not truth-maintained beside consequences that expect them, and every later {@code insertLogical}
 * failed ({@code RuleTerminalNodeLeftTuple cannot be cast to TruthMaintenanceSystemInternalMatch}). So the engine
 * loads them itself, once, with the class loader that holds Drools, before any session exists, and runs each
 * assessment with that loader as the thread's context class loader for whatever Drools looks up later.
 */
final class DroolsParts {

    private static final String TMS = "org.drools.tms.";

    private static volatile boolean loaded;

    private DroolsParts() {}

    /** The class loader Drools' parts are found in: the one that loaded the engine beside them. */
    static ClassLoader loader() {
        return DroolsParts.class.getClassLoader();
    }

    /**
     * Loads Drools' parts with {@link #loader()}, once per JVM.
     *
     * @throws IllegalStateException when something in this JVM made Drools choose its parts before the engine did,
     *                               on a thread that could not see truth maintenance: no assessment could succeed
     */
    static void load() {
        if (loaded) {
            return;
        }
        synchronized (DroolsParts.class) {
            if (loaded) {
                return;
            }
            Object agenda = withLoader(AgendaComponentFactory::get);
            Object helper = withLoader(KnowledgeHelperFactory::get);
            withLoader(RuntimeComponentFactory::get);
            withLoader(TruthMaintenanceSystemFactory::get);
            // drools-tms by name: it is on the class path, not a module firerisk reads
            if (!agenda.getClass().getName().startsWith(TMS) || !helper.getClass().getName().startsWith(TMS)) {
                throw new IllegalStateException("Drools' truth maintenance (drools-tms) is not in use in this JVM "
                        + "(agenda components: " + agenda.getClass().getName() + ", knowledge helper: "
                        + helper.getClass().getName() + "): Drools was first used before this engine, on a thread "
                        + "whose context class loader does not see drools-tms, and keeps that choice; the campaign's "
                        + "rules conclude with insertLogical and cannot run without it");
            }
            loaded = true;
        }
    }

    /** Runs {@code work} with {@link #loader()} as the thread's context class loader. */
    static <T> T withLoader(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        if (before == loader()) {
            return work.get();
        }
        thread.setContextClassLoader(loader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
