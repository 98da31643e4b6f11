"""Summarises a JFR recording of WarmBatch: CPU by area and by top frame, bytes by class and by nearest firerisk frame.

python3 risk-bench/scripts/jfr_summary.py warm.jfr   (needs the JDK's jfr on the PATH; JDK 17 has no `jfr view`)
python3 risk-bench/scripts/jfr_summary.py warm.jfr Element.hashCode HashMap\$TreeNode   (also: the share of execution
        samples with a frame whose name contains each given text anywhere on the stack)
"""
import json, subprocess, sys, collections
f = sys.argv[1]
def events(name):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", name, f], capture_output=True, text=True).stdout
    return json.loads(out)["recording"]["events"]
def fname(fr):
    m = fr["method"]; return m["type"]["name"].replace("/", ".") + "." + m["name"]
ex = [e for e in events("jdk.ExecutionSample") if e["values"]["stackTrace"]]
top = collections.Counter(); incl = collections.Counter(); area = collections.Counter()
def classify(frames):
    names = [fname(x) for x in frames]
    for n in names:  # innermost first
        if n.startswith("io.firerisk.internal.Template") or n.startswith("io.firerisk.Reason"): return "firerisk: explanation text"
        if n.startswith("io.firerisk.internal.FiringRecorder"): return "firerisk: firing recorder (conclusions, explanations captured)"
        if n.startswith("io.firerisk.internal.Enricher"): return "firerisk: enricher"
        if n.startswith("io.firerisk.internal.Assessor.assemble") or n.startswith("io.firerisk.internal.Assessor.grading") or n.startswith("io.firerisk.internal.Assessor.mergeActions") or n.startswith("io.firerisk.internal.Assessor.suspension"): return "firerisk: assembler"
        if n.startswith("io.firerisk.rules.") or n.startswith("io.firerisk.campaign."): return "firerisk: fact and campaign methods called by rules"
        if n.startswith("io.firerisk.internal.SessionPool.release"): return "session reset"
        if n.startswith("org.drools") and n.endswith(".insert"): return "inserting the venue's facts (alpha network, before firing)"
        if "fireAllRules" in n: return "Drools: rule evaluation and firing"
    return "other (" + (names[-1] if names else "?") + ")"
for e in ex:
    frames = e["values"]["stackTrace"]["frames"]
    top[fname(frames[0])] += 1
    seen = set()
    for fr in frames:
        n = fname(fr)
        if n not in seen: incl[n] += 1; seen.add(n)
    area[classify(frames)] += 1
N = len(ex)
print(f"execution samples: {N}")
print("\n| share | area (innermost matching frame) |\n|---|---|")
for k, v in area.most_common(12): print(f"| {100*v/N:.0f}% | {k} |")
callers = collections.Counter()
for e in ex:
    fr = e["values"]["stackTrace"]["frames"]
    if fname(fr[0]) in ("java.lang.CharacterData00.isWhitespace", "java.util.ImmutableCollections$MapN.probe", "java.lang.StringLatin1.hashCode"):
        callers[fname(fr[0]) + " <- " + " <- ".join(fname(x) for x in fr[1:4])] += 1
for k, v in callers.most_common(8): print("CALLER", v, k)
print("\n| self | top frame |\n|---|---|")
for k, v in top.most_common(15): print(f"| {100*v/N:.1f}% | `{k}` |")
if len(sys.argv) > 2:
    print("\n| inclusive share | frame containing |\n|---|---|")
    for t in sys.argv[2:]:
        n = sum(1 for e in ex if any(t in fname(x) for x in e["values"]["stackTrace"]["frames"]))
        print(f"| {100*n/N:.1f}% | `{t}` |")
al = events("jdk.ObjectAllocationSample")
by = collections.Counter(); tot = 0
bysite = collections.Counter()
for e in al:
    w = e["values"]["weight"]
    if w > 50_000_000: continue  # a thread's first sample carries everything since the JVM started
    c = e["values"]["objectClass"]["name"]; by[c] += w; tot += w
    st = e["values"]["stackTrace"]
    if st:
        for fr in st["frames"]:
            n = fname(fr)
            if n.startswith("io.firerisk"):
                bysite[n] += w; break
        else:
            bysite["(no firerisk frame)"] += w
print(f"\nallocation samples: {len(al)}, weight {tot/1e6:.0f} MB")
print("\n| share of bytes | class |\n|---|---|")
for k, v in by.most_common(15): print(f"| {100*v/tot:.1f}% | `{k}` |")
print("\n| share of bytes | nearest firerisk frame |\n|---|---|")
for k, v in bysite.most_common(12): print(f"| {100*v/tot:.1f}% | `{k}` |")
