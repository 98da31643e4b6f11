package io.firerisk.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.firerisk.Text;
import io.firerisk.campaign.Campaign;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code ledger.yaml}; every mistake is reported with the file and the key, all at once. */
final class PolicyReader {

    static final String FILE = "ledger.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String file;
    private final Campaign campaign;
    private final List<String> problems = new ArrayList<>();

    private PolicyReader(String file, Campaign campaign) {
        this.file = file;
        this.campaign = campaign;
    }

    /** The policy beside the campaign's own files: in its folder, or on the classpath beside a bundled one. */
    static LedgerPolicy forCampaign(Campaign campaign) {
        String source = campaign.source();
        if (source.startsWith("classpath:")) {
            String location = source.substring("classpath:".length()) + "/" + FILE;
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            InputStream in = loader == null ? null : loader.getResourceAsStream(location);
            if (in == null) {
                in = PolicyReader.class.getClassLoader().getResourceAsStream(location);
            }
            if (in == null) {
                throw new LedgerException("campaign " + campaign.id() + " has no " + FILE + " (looked for " + location
                        + " on the classpath): the ledger needs its extension, escalation and permission rules; "
                        + "add the file to the campaign folder or give one with Ledger.Builder.policy(path)");
            }
            try (InputStream stream = in) {
                return read(location, new String(stream.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), campaign);
            } catch (IOException e) {
                throw new LedgerException("cannot read " + location + ": " + e.getMessage(), e);
            }
        }
        return read(Path.of(source).resolve(FILE), campaign);
    }

    static LedgerPolicy read(Path path, Campaign campaign) {
        if (!Files.isRegularFile(path)) {
            throw new LedgerException("campaign " + campaign.id() + " has no " + FILE + " (looked for " + path
                    + "): the ledger needs its extension, escalation and permission rules");
        }
        try {
            return read(path.toString(), Files.readString(path), campaign);
        } catch (IOException e) {
            throw new LedgerException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    static LedgerPolicy read(String file, String text, Campaign campaign) {
        PolicyReader reader = new PolicyReader(file, campaign);
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (IOException e) {
            throw new LedgerException(file + ": not valid YAML: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new LedgerException(file + ": must be a mapping with extensions, escalation and permissions");
        }
        LedgerPolicy policy = reader.policy(root);
        if (!reader.problems.isEmpty()) {
            throw new LedgerException(file + " has " + reader.problems.size() + " problem(s):\n  "
                    + String.join("\n  ", reader.problems));
        }
        return policy;
    }

    private LedgerPolicy policy(JsonNode root) {
        known(root, "", Set.of("ownPremises", "deadlineAction", "extensions", "escalation", "permissions", "reports", "notices", "unitWork"));
        Set<String> ownPremises = new java.util.LinkedHashSet<>();
        JsonNode own = root.get("ownPremises");
        if (own == null || !own.isArray()) {
            problems.add("ownPremises: must be a list of venue kinds");
        } else {
            for (JsonNode k : own) {
                if (!campaign.venueKinds().containsKey(k.asText())) {
                    problems.add("ownPremises: '" + k.asText() + "' is not in the campaign's venue-kinds.csv");
                }
                ownPremises.add(k.asText());
            }
        }
        String deadlineAction = text(root, "deadlineAction");
        if (!deadlineAction.isEmpty() && !campaign.actions().containsKey(deadlineAction)) {
            problems.add("deadlineAction: '" + deadlineAction + "' is not in the campaign's actions.csv");
        }
        JsonNode ext = object(root, "extensions");
        known(ext, "extensions.", Set.of("clause", "assumption", "maxPerHazard", "maxDaysEach", "approvers",
                "supervisedApprovers"));
        LedgerPolicy.Extensions extensions = new LedgerPolicy.Extensions(clause(ext, "extensions.clause"),
                bool(ext, "extensions.assumption"), whole(ext, "extensions.maxPerHazard", 0),
                whole(ext, "extensions.maxDaysEach", 1), roles(ext.get("approvers"), "extensions.approvers"),
                roles(ext.get("supervisedApprovers"), "extensions.supervisedApprovers"));

        JsonNode esc = object(root, "escalation");
        known(esc, "escalation.", Set.of("clause", "assumption", "dueSoonDays", "levels"));
        List<LedgerPolicy.Level> levels = new ArrayList<>();
        JsonNode list = esc.get("levels");
        if (list == null || !list.isArray() || list.isEmpty()) {
            problems.add("escalation.levels: must be a list of at least one level");
        } else {
            int previous = 0;
            for (int i = 0; i < list.size(); i++) {
                String at = "escalation.levels[" + i + "]";
                JsonNode l = list.get(i);
                known(l, at + ".", Set.of("code", "afterDaysOverdue", "zh", "en"));
                int after = whole(l, at + ".afterDaysOverdue", 1);
                if (after <= previous && i > 0) {
                    problems.add(at + ".afterDaysOverdue: must be more than the level before (" + previous + ")");
                }
                previous = after;
                levels.add(new LedgerPolicy.Level(i + 1, text(l, at + ".code"), Text.of(text(l, at + ".zh"),
                        text(l, at + ".en")), after));
            }
        }
        LedgerPolicy.Escalation escalation = new LedgerPolicy.Escalation(clause(esc, "escalation.clause"),
                bool(esc, "escalation.assumption"), whole(esc, "escalation.dueSoonDays", 0), levels);

        Map<EventType, Set<Role>> permissions = new EnumMap<>(EventType.class);
        JsonNode perms = object(root, "permissions");
        for (Iterator<Map.Entry<String, JsonNode>> it = perms.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            try {
                permissions.put(EventType.valueOf(e.getKey()), roles(e.getValue(), "permissions." + e.getKey()));
            } catch (IllegalArgumentException ex) {
                problems.add("permissions." + e.getKey() + ": no such event type; one of " + List.of(EventType.values()));
            }
        }
        LedgerPolicy.Reporting reports = root.has("reports") ? reports(object(root, "reports"))
                : LedgerPolicy.Reporting.NONE;
        java.util.Optional<LedgerPolicy.Notices> notices = java.util.Optional.empty();
        if (root.has("notices")) {
            JsonNode n = object(root, "notices");
            known(n, "notices.", Set.of("clause", "rectification", "major"));
            JsonNode major = object(n, "major");
            notices = java.util.Optional.of(new LedgerPolicy.Notices(clause(n, "notices.clause"),
                    form(object(n, "rectification"), "notices.rectification", Set.of()), form(major, "notices.major",
                    Set.of("pending")), text(major, "notices.major.pending")));
        }
        java.util.Optional<LedgerPolicy.UnitWork> unitWork = root.has("unitWork")
                ? java.util.Optional.of(unitWork(object(root, "unitWork"))) : java.util.Optional.empty();
        return new LedgerPolicy(file, ownPremises, deadlineAction, extensions, escalation, permissions, reports, notices,
                unitWork);
    }

    private LedgerPolicy.UnitWork unitWork(JsonNode node) {
        known(node, "unitWork.", Set.of("checklists", "education"));
        List<LedgerPolicy.Checklist> checklists = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        List<JsonNode> lists = array(node, "unitWork.checklists");
        for (int i = 0; i < lists.size(); i++) {
            String at = "unitWork.checklists[" + i + "]";
            JsonNode c = lists.get(i);
            known(c, at + ".", Set.of("id", "zh", "en", "clause", "kinds", "groups"));
            String id = text(c, at + ".id");
            if (!ids.add(id)) {
                problems.add(at + ".id: '" + id + "' is given twice");
            }
            Set<String> kinds = new java.util.LinkedHashSet<>();
            for (JsonNode k : c.has("kinds") ? array(c, at + ".kinds") : List.<JsonNode>of()) {
                if (!campaign.venueKinds().containsKey(k.asText())) {
                    problems.add(at + ".kinds: '" + k.asText() + "' is not in the campaign's venue-kinds.csv");
                }
                kinds.add(k.asText());
            }
            List<LedgerPolicy.Group> groups = new ArrayList<>();
            Set<String> items = new java.util.HashSet<>();
            List<JsonNode> gs = array(c, at + ".groups");
            for (int g = 0; g < gs.size(); g++) {
                String gat = at + ".groups[" + g + "]";
                JsonNode group = gs.get(g);
                known(group, gat + ".", Set.of("zh", "en", "items"));
                List<String> codes = new ArrayList<>();
                for (JsonNode code : array(group, gat + ".items")) {
                    if (campaign.hazard(code.asText()).isEmpty()) {
                        problems.add(gat + ".items: '" + code.asText() + "' is not a hazard code of the campaign's catalogue");
                    } else if (!items.add(code.asText())) {
                        problems.add(gat + ".items: '" + code.asText() + "' is in the checklist twice");
                    }
                    codes.add(code.asText());
                }
                groups.add(new LedgerPolicy.Group(Text.of(text(group, gat + ".zh"), text(group, gat + ".en")), codes));
            }
            checklists.add(new LedgerPolicy.Checklist(id, Text.of(text(c, at + ".zh"), text(c, at + ".en")),
                    clause(c, at + ".clause"), kinds, groups));
        }
        List<LedgerPolicy.Activity> education = new ArrayList<>();
        Set<String> codes = new java.util.HashSet<>();
        List<JsonNode> acts = array(node, "unitWork.education");
        for (int i = 0; i < acts.size(); i++) {
            String at = "unitWork.education[" + i + "]";
            JsonNode a = acts.get(i);
            known(a, at + ".", Set.of("code", "zh", "en", "clause"));
            String code = text(a, at + ".code");
            if (!codes.add(code)) {
                problems.add(at + ".code: '" + code + "' is given twice");
            }
            education.add(new LedgerPolicy.Activity(code, Text.of(text(a, at + ".zh"), text(a, at + ".en")),
                    clause(a, at + ".clause")));
        }
        return new LedgerPolicy.UnitWork(checklists, education);
    }

    private LedgerPolicy.Form form(JsonNode node, String at, Set<String> more) {
        Set<String> keys = new java.util.HashSet<>(Set.of("title", "prefix", "body"));
        keys.addAll(more);
        known(node, at + ".", keys);
        return new LedgerPolicy.Form(text(node, at + ".title"), text(node, at + ".prefix"), text(node, at + ".body"));
    }

    private LedgerPolicy.Reporting reports(JsonNode node) {
        known(node, "reports.", Set.of("tasks", "readinessCategory", "followUp"));
        List<LedgerPolicy.Task> tasks = new ArrayList<>();
        JsonNode list = node.get("tasks");
        Set<String> files = new java.util.HashSet<>();
        campaign.hazards().values().forEach(h -> files.add(LedgerPolicy.Task.fileName(h.file())));
        if (list != null && !list.isArray()) {
            problems.add("reports.tasks: must be a list");
        } else if (list != null) {
            Set<String> codes = new java.util.HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                String at = "reports.tasks[" + i + "]";
                JsonNode t = list.get(i);
                known(t, at + ".", Set.of("code", "clause", "zh", "en", "catalogues", "inspections", "keyPeriods"));
                String code = text(t, at + ".code");
                if (!codes.add(code)) {
                    problems.add(at + ".code: '" + code + "' is given twice");
                }
                Set<String> catalogues = new java.util.LinkedHashSet<>();
                for (JsonNode c : array(t, at + ".catalogues")) {
                    if (!files.contains(c.asText())) {
                        problems.add(at + ".catalogues: '" + c.asText() + "' is not a hazard catalogue file of the campaign "
                                + new java.util.TreeSet<>(files));
                    }
                    catalogues.add(c.asText());
                }
                Set<InspectionKind> kinds = EnumSet.noneOf(InspectionKind.class);
                for (JsonNode k : array(t, at + ".inspections")) {
                    try {
                        kinds.add(InspectionKind.valueOf(k.asText()));
                    } catch (IllegalArgumentException e) {
                        problems.add(at + ".inspections: '" + k.asText() + "' is not an inspection kind; one of "
                                + List.of(InspectionKind.values()));
                    }
                }
                boolean keyPeriods = t.has("keyPeriods") && bool(t, at + ".keyPeriods");
                tasks.add(new LedgerPolicy.Task(code, Text.of(text(t, at + ".zh"), text(t, at + ".en")),
                        clause(t, at + ".clause"), catalogues, kinds, keyPeriods));
            }
        }
        String readiness = "";
        if (node.has("readinessCategory")) {
            readiness = text(node, "reports.readinessCategory");
            if (!readiness.isEmpty() && !campaign.categories().containsKey(readiness)) {
                problems.add("reports.readinessCategory: '" + readiness + "' is not a category of campaign.yaml");
            }
        }
        java.util.Optional<LedgerPolicy.FollowUp> followUp = java.util.Optional.empty();
        if (node.has("followUp")) {
            JsonNode f = object(node, "followUp");
            known(f, "reports.followUp.", Set.of("clause", "assumption", "onTimeRateBelow", "overdueHazardsAtLeast",
                    "maxDaysOverdueAtLeast", "reopenedHazardsAtLeast", "selfInspectionMissing"));
            JsonNode rate = f.get("onTimeRateBelow");
            double below = 0;
            if (rate == null || !rate.isNumber() || rate.doubleValue() < 0 || rate.doubleValue() > 1) {
                problems.add("reports.followUp.onTimeRateBelow: must be a number from 0 to 1 (was " + rate + ")");
            } else {
                below = rate.doubleValue();
            }
            followUp = java.util.Optional.of(new LedgerPolicy.FollowUp(clause(f, "reports.followUp.clause"),
                    bool(f, "reports.followUp.assumption"), below, whole(f, "reports.followUp.overdueHazardsAtLeast", 1),
                    whole(f, "reports.followUp.maxDaysOverdueAtLeast", 1),
                    whole(f, "reports.followUp.reopenedHazardsAtLeast", 1),
                    bool(f, "reports.followUp.selfInspectionMissing")));
        }
        return new LedgerPolicy.Reporting(tasks, readiness, followUp);
    }

    private List<JsonNode> array(JsonNode node, String path) {
        JsonNode v = node.get(path.substring(path.lastIndexOf('.') + 1));
        if (v == null || !v.isArray()) {
            problems.add(path + ": must be a list (may be empty)");
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    private JsonNode object(JsonNode parent, String key) {
        JsonNode node = parent.get(key);
        if (node == null || !node.isObject()) {
            problems.add(key + ": missing, or not a mapping");
            return YAML.createObjectNode();
        }
        return node;
    }

    private void known(JsonNode node, String prefix, Set<String> keys) {
        node.fieldNames().forEachRemaining(k -> {
            if (!keys.contains(k)) {
                problems.add(prefix + k + ": unknown key (known: " + new java.util.TreeSet<>(keys) + ")");
            }
        });
    }

    private String text(JsonNode node, String path) {
        JsonNode v = node.get(path.substring(path.lastIndexOf('.') + 1));
        if (v == null || !v.isValueNode() || v.asText().isBlank()) {
            problems.add(path + ": missing");
            return "";
        }
        return v.asText().strip();
    }

    private String clause(JsonNode node, String path) {
        String id = text(node, path);
        if (!id.isEmpty() && campaign.clause(id).isEmpty()) {
            problems.add(path + ": clause '" + id + "' is not in the campaign's clauses.csv");
        }
        return id;
    }

    private boolean bool(JsonNode node, String path) {
        JsonNode v = node.get(path.substring(path.lastIndexOf('.') + 1));
        if (v == null || !v.isBoolean()) {
            problems.add(path + ": must be true or false");
            return true;
        }
        return v.booleanValue();
    }

    private int whole(JsonNode node, String path, int min) {
        JsonNode v = node.get(path.substring(path.lastIndexOf('.') + 1));
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.intValue() < min || v.intValue() > 3650) {
            problems.add(path + ": must be a whole number from " + min + " to 3650 (was " + v + ")");
            return min;
        }
        return v.intValue();
    }

    private Set<Role> roles(JsonNode node, String path) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (node == null || !node.isArray() || node.isEmpty()) {
            problems.add(path + ": must be a list of roles, one of " + List.of(Role.values()));
            return roles;
        }
        for (JsonNode r : node) {
            try {
                roles.add(Role.valueOf(r.asText()));
            } catch (IllegalArgumentException e) {
                problems.add(path + ": '" + r.asText() + "' is not a role; one of " + List.of(Role.values()));
            }
        }
        return roles;
    }
}
