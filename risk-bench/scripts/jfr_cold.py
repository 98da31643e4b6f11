"""Where a cold start's time goes: a JFR recording of one `ColdStart --child bundled` run, summarised by phase.

java -XX:StartFlightRecording=filename=cold.jfr,settings=profile -cp risk-bench/target/benchmarks.jar \
     io.firerisk.bench.ColdStart --child bundled
python3 risk-bench/scripts/jfr_cold.py cold.jfr

Execution samples (every Java thread; JFR samples Java code only, so the JIT compilers' and the collector's own CPU is
reported apart from jdk.ThreadCPULoad) are counted once, under the first phase of the list below with a frame on the stack, and, within
every phase, how many of them were loading, defining or linking a class.
"""
import json, subprocess, sys, collections
f = sys.argv[1]
def events(name):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "200", "--events", name, f],
                         capture_output=True, text=True).stdout
    return json.loads(out)["recording"]["events"]
def fname(fr):
    m = fr["method"]; return m["type"]["name"].replace("/", ".") + "." + m["name"]
# most specific first: the first phase with a frame on the stack takes the sample
PHASES = [
    ("the first assessment", ("io.firerisk.RiskEngine.assess",)),
    ("unpacking the precompiled rule packages", ("io.firerisk.internal.Precompiled.read",)),
    ("building the Rete network", ("io.firerisk.internal.Precompiled.newKieBase", "io.firerisk.internal.Precompiled.buildAhead")),
    ("reading and checking the data tables", ("io.firerisk.internal.CampaignReader.read",)),
    ("the rules' metadata checks", ("io.firerisk.internal.RuleCompiler.compile",)),
    ("reading the campaign's files", ("io.firerisk.internal.CampaignFiles.",)),
    ("other engine set-up", ("io.firerisk.RiskEngine",)),
    ("the bench's workload", ("io.firerisk.bench.Workload",)),
]
CLASSLOAD = ("java.lang.ClassLoader.loadClass", "java.lang.ClassLoader.defineClass", "jdk.internal.loader.",
             "java.lang.Class.forName", "java.lang.invoke.", "java.lang.Class.getDeclared")
phase = collections.Counter(); loading = collections.Counter(); threads = collections.Counter()
ex = [e for e in events("jdk.ExecutionSample") if e["values"]["stackTrace"]]
for e in ex:
    names = [fname(x) for x in e["values"]["stackTrace"]["frames"]]
    # the first phase of the list (most specific first) that has a frame on the stack
    p = next((label for label, keys in PHASES if any(n.startswith(k) for n in names for k in keys)),
             "other (JVM start, class-path scanning, main)")
    phase[p] += 1
    if any(n.startswith(k) for n in names for k in CLASSLOAD):
        loading[p] += 1
    threads[e["values"]["sampledThread"]["javaName"] or "?"] += 1
N = len(ex)
print(f"execution samples: {N} (threads: {dict(threads.most_common(6))})")
print("\n| phase | samples | share | of which loading/linking classes |\n|---|---|---|---|")
for k, v in phase.most_common():
    print(f"| {k} | {v} | {100*v/N:.0f}% | {loading[k]} |")
cpu = collections.defaultdict(list)
for e in events("jdk.ThreadCPULoad"):
    v = e["values"]
    cpu[v["eventThread"]["osName"] if v.get("eventThread") else "?"].append(v["user"] + v["system"])
print("\nper-thread CPU load samples (jdk.ThreadCPULoad, mean of samples):")
for t, xs in sorted(cpu.items(), key=lambda kv: -sum(kv[1]))[:10]:
    print(f"  {t}: {100*sum(xs)/len(xs):.0f}% over {len(xs)} samples")
cs = events("jdk.CompilerStatistics")
if cs:
    v = cs[-1]["values"]
    print(f"\nJIT: {v['compileCount']} compilations, total {v['totalTimeSpent']}")
cl = events("jdk.ClassLoadingStatistics")
if cl:
    print(f"classes loaded: {cl[-1]['values']['loadedClassCount']}")
