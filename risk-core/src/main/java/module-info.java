/**
 * The firerisk engine. Exports its API; {@code io.firerisk.internal} (loading, compiling, sessions,
 * assembling) stays unreachable from other modules on the module path. On the class path, where the
 * shaded {@code firerisk} jar, Spring Boot and Spark run, a module descriptor is ignored, so the internal
 * types are also kept package-private wherever only their own package uses them, and the
 * risk-architecture tests fail the build if another module reaches into them.
 */
module io.firerisk.core {
    requires org.kie.api;
    requires org.drools.base;
    requires org.drools.core;
    requires org.drools.kiesession;
    requires org.drools.compiler;
    requires org.drools.drl.parser;
    requires org.drools.drl.ast;
    requires org.kie.internal.api;
    requires org.drools.mvel;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires com.fasterxml.jackson.dataformat.csv;

    exports io.firerisk;
    exports io.firerisk.analysis;
    exports io.firerisk.campaign;
    exports io.firerisk.io;
    exports io.firerisk.rules;
    exports io.firerisk.scenario;
}
