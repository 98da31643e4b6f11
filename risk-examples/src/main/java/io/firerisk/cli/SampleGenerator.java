package io.firerisk.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.firerisk.RiskEngine;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.HazardType;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes fictional Wanzhou venues with findings, as JSON Lines: the bundled sample (200 venues,
 * seed 2023) and the benchmark's large files. Deterministic: the same count, seed and campaign give
 * the same file byte for byte ({@link Random}'s sequence is fixed by the Java specification).
 *
 * <pre>
 * java -cp risk-examples/target/firerisk.jar io.firerisk.cli.SampleGenerator \
 *      --count 200 --seed 2023 --out risk-examples/src/main/resources/samples/wanzhou-venues.jsonl
 * </pre>
 *
 * <p>Findings come from the templates in {@link #TEMPLATES}; a template whose hazard code the
 * campaign does not define is left out (and named on stderr), so the sample always loads. When the
 * campaign gains hazard codes, add templates for them here and regenerate; {@code
 * BundledSampleTest} fails until the bundled file matches the generator again.
 */
public final class SampleGenerator {

    public static final int SAMPLE_COUNT = 200;
    public static final long SAMPLE_SEED = 2023;

    static final List<String> STREETS = List.of("高笋塘街道", "太白街道", "牌楼街道", "双河口街道", "龙都街道", "周家坝街道",
            "沙河街道", "钟鼓楼街道", "百安坝街道", "五桥街道", "陈家坝街道");

    private static final LocalDate FIRST = LocalDate.of(2023, 12, 6);
    private static final LocalDate LAST = LocalDate.of(2024, 3, 25);
    /** Inspections bunch up before the holidays: these spans get a share of the dates. */
    private static final LocalDate[][] BUSY = {
            {LocalDate.of(2023, 12, 22), LocalDate.of(2024, 1, 1)},
            {LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 17)},
            {LocalDate.of(2024, 2, 26), LocalDate.of(2024, 3, 11)}};

    /** How a kind of venue looks: how many in 200, size, people, gas, and what inspectors find there. */
    private record Profile(String kind, String variant, int per200, String[] names, int[] floors, double storey,
            int[] occupants, boolean sleeping, double lpg, double pipedGas, double underground, boolean dangerousGoods,
            List<Template> findings) {}

    /** A finding an inspector may record at such a venue, with its chance and where. */
    private record Template(String code, double chance, String[] locations, double[] ratio, int[] quantity) {
        Template(String code, double chance, String... locations) {
            this(code, chance, locations, null, null);
        }

        Template withRatio(double low, double high) {
            return new Template(code, chance, locations, new double[] {low, high}, null);
        }
    }

    private static Template t(String code, double chance, String... locations) {
        return new Template(code, chance, locations);
    }

    private static final String[] SUR = {"老张", "刘嬢嬢", "胖哥", "江边", "巴渝", "三峡", "平湖", "渝味", "万州", "陈记", "幺妹",
            "王麻子", "李二", "码头", "老街"};
    private static final String[] DISH = {"烤鱼", "火锅", "杂酱面", "格格", "豆花饭", "羊肉汤", "串串香", "烧鸡公", "酸菜鱼", "小面"};
    private static final String[] PLACE = {"滨江", "平湖", "西山", "天城", "江南", "锦绣", "北滨", "翠屏", "南山", "太白", "枇杷",
            "鸽子沟", "红光", "双河"};

    static final List<Profile> PROFILES = List.of(
            new Profile("GOVERNMENT_OFFICE", "", 5, new String[] {"{place}城管执法中队办公楼", "{place}市政设施管理站办公楼",
                    "{place}环卫管理所办公楼"}, new int[] {3, 9}, 3.6, new int[] {40, 300}, false, 0, 0.3, 0, false,
                    List.of(t("WIRING_MESSY", 0.25, "档案室", "值班室", "办公区"), t("EVACUATION_ROUTE_BLOCKED", 0.15, "二楼走道", "楼梯间"),
                            t("PUBLIC_FIRE_FACILITY_DAMAGED", 0.15, "消火栓箱", "灭火器箱"), t("FIRE_ALARM_NOT_INSTALLED", 0.05, "档案室"))),
            new Profile("OFFICE", "", 16, new String[] {"{place}{biz}有限公司办公楼", "{place}{biz}大厦", "{place}商务楼{n}座"},
                    new int[] {3, 26}, 3.6, new int[] {30, 500}, false, 0, 0.2, 0.02, false,
                    List.of(t("WIRING_MESSY", 0.25, "机房", "茶水间", "开放办公区"), t("EVACUATION_ROUTE_BLOCKED", 0.2, "消防楼梯", "走道"),
                            t("EXIT_LOCKED_OR_BLOCKED", 0.1, "东侧安全出口", "后门"),
                            t("PUBLIC_FIRE_FACILITY_DAMAGED", 0.12, "消火栓", "应急照明"), t("FIRE_ALARM_NOT_INSTALLED", 0.04, "裙楼"))),
            new Profile("CANTEEN", "", 14, new String[] {"{place}环卫所职工食堂", "{place}城管中队食堂", "{place}市政所食堂",
                    "{biz}公司职工食堂"}, new int[] {1, 3}, 4.0, new int[] {30, 300}, false, 0.4, 0.55, 0.05, false,
                    List.of(t("GAS_USE_NONCOMPLIANT", 0.4, "后厨", "燃气表间"), t("WIRING_MESSY", 0.25, "后厨", "储藏间"),
                            t("EXIT_LOCKED_OR_BLOCKED", 0.12, "就餐区后门"), t("EVACUATION_ROUTE_BLOCKED", 0.12, "通往后厨走道"))),
            new Profile("SCHOOL_CANTEEN", "", 3, new String[] {"万州区{place}中学食堂", "{place}小学食堂"}, new int[] {1, 3}, 4.5,
                    new int[] {200, 1200}, false, 0.1, 0.9, 0, false,
                    List.of(t("GAS_USE_NONCOMPLIANT", 0.35, "后厨"), t("WIRING_MESSY", 0.2, "售饭区"),
                            t("EXIT_LOCKED_OR_BLOCKED", 0.15, "侧门"))),
            new Profile("RESTAURANT", "", 38, new String[] {"{sur}{dish}", "{sur}{dish}馆", "{place}{dish}店", "{sur}{dish}大排档"},
                    new int[] {1, 3}, 4.0, new int[] {20, 320}, false, 0.65, 0.35, 0.05, false,
                    List.of(t("GAS_USE_NONCOMPLIANT", 0.5, "后厨", "液化气瓶间", "灶台"), t("WIRING_MESSY", 0.25, "后厨", "包间"),
                            t("EVACUATION_ROUTE_BLOCKED", 0.18, "后厨通道", "楼梯口"), t("EXIT_LOCKED_OR_BLOCKED", 0.1, "后门"),
                            t("DG_IN_CROWDED_PLACE", 0.05, "大堂（存放多瓶液化气）"))),
            new Profile("MARKET", "", 8, new String[] {"{place}菜市场", "{place}农贸市场", "{place}综合市场"}, new int[] {1, 3}, 4.5,
                    new int[] {150, 1500}, false, 0.2, 0, 0.1, false,
                    List.of(t("EXIT_WIDTH_SHORT", 0.25, "东侧出口", "北门").withRatio(0.6, 0.95), t("EXITS_TOO_FEW", 0.12, "二层"),
                            t("WIRING_MESSY", 0.3, "摊位区", "冻库"), t("FIRE_LANE_BLOCKED", 0.15, "市场外消防车通道"),
                            t("EVACUATION_ROUTE_BLOCKED", 0.25, "摊位间通道"), t("DG_IN_CROWDED_PLACE", 0.05, "干货摊位（销售烟花爆竹）"))),
            new Profile("HOTEL", "", 14, new String[] {"{place}宾馆", "{place}酒店", "{place}商务酒店", "{place}旅馆", "{place}招待所"},
                    new int[] {3, 18}, 3.3, new int[] {20, 400}, true, 0.05, 0.45, 0, false,
                    List.of(t("SPRINKLER_NOT_INSTALLED", 0.12, "三至六层客房", "客房层"), t("FIRE_ALARM_NOT_INSTALLED", 0.1, "客房层"),
                            t("EXIT_LOCKED_OR_BLOCKED", 0.15, "一楼侧门", "楼顶安全出口"), t("WIRING_MESSY", 0.2, "布草间", "客房"),
                            t("FIRE_LANE_BLOCKED", 0.1, "门前消防车通道"), t("PUBLIC_FIRE_FACILITY_DAMAGED", 0.1, "消火栓"),
                            t("SANDWICH_PANEL_LODGING", 0.03, "楼顶员工宿舍"))),
            new Profile("MALL", "", 3, new String[] {"{place}购物中心", "{place}商厦", "{place}百货"}, new int[] {4, 8}, 5.0,
                    new int[] {800, 5000}, false, 0, 0.2, 0, false,
                    List.of(t("EXIT_WIDTH_SHORT", 0.2, "负一楼出口").withRatio(0.65, 0.95), t("FIRE_LANE_BLOCKED", 0.25, "环形消防车道"),
                            t("SPRINKLER_NOT_INSTALLED", 0.1, "四楼餐饮区"), t("PUBLIC_FIRE_FACILITY_DAMAGED", 0.2, "防火卷帘", "消火栓"))),
            new Profile("SHOP", "", 16, new String[] {"{place}五金店", "{place}便民超市", "{place}日杂店", "{place}烟酒店", "{sur}建材店"},
                    new int[] {1, 2}, 3.8, new int[] {5, 80}, false, 0, 0, 0.05, false,
                    List.of(t("EXITS_TOO_FEW", 0.12, "营业厅"), t("WIRING_MESSY", 0.25, "仓储间", "收银台"),
                            t("EVACUATION_ROUTE_BLOCKED", 0.15, "货架通道"), t("DG_IN_CROWDED_PLACE", 0.06, "店内（超量储存烟花爆竹）"),
                            t("DG_IN_BUILDING_WITH_CROWDED_OR_HOMES", 0.03, "一楼（楼上为住宅）"))),
            new Profile("ENTERTAINMENT", "", 6, new String[] {"{place}KTV", "{place}歌舞厅", "{place}网吧", "{place}棋牌室"},
                    new int[] {1, 4}, 4.0, new int[] {40, 600}, false, 0, 0.1, 0.2, false,
                    List.of(t("EXITS_TOO_FEW", 0.2, "二楼包房区"), t("EXIT_WIDTH_SHORT", 0.15, "主出口").withRatio(0.6, 0.95),
                            t("EXIT_LOCKED_OR_BLOCKED", 0.25, "后门", "安全出口"), t("SPRINKLER_NOT_INSTALLED", 0.1, "包房区"),
                            t("FIRE_ALARM_NOT_INSTALLED", 0.1, "包房区"), t("WIRING_MESSY", 0.2, "吧台"))),
            new Profile("RESIDENTIAL", "high-rise", 26, new String[] {"{place}花园{n}栋", "{place}雅苑{n}栋", "{place}名都{n}栋",
                    "{place}华府{n}栋"}, new int[] {18, 34}, 2.9, new int[] {150, 900}, true, 0, 0.95, 0, false,
                    List.of(t("FIRE_LANE_BLOCKED", 0.35, "小区消防车通道", "登高场地"), t("EVACUATION_ROUTE_BLOCKED", 0.3, "楼道", "消防楼梯间"),
                            t("EXIT_LOCKED_OR_BLOCKED", 0.12, "屋顶安全出口", "一楼侧门"),
                            t("PUBLIC_FIRE_FACILITY_DAMAGED", 0.25, "室内消火栓", "防火门", "应急照明"),
                            t("WIRING_MESSY", 0.15, "楼道（飞线充电）", "地下车库"))),
            new Profile("RESIDENTIAL", "old", 24, new String[] {"{place}路{n}号住宅楼", "{place}老街{n}号院", "{place}小区{n}栋"},
                    new int[] {4, 7}, 3.0, new int[] {20, 140}, true, 0.3, 0.6, 0, false,
                    List.of(t("EVACUATION_ROUTE_BLOCKED", 0.35, "楼道", "楼梯间"), t("WIRING_MESSY", 0.3, "楼道", "一楼车棚"),
                            t("FIRE_LANE_BLOCKED", 0.2, "巷道"), t("PUBLIC_FIRE_FACILITY_DAMAGED", 0.15, "灭火器"),
                            t("GAS_USE_NONCOMPLIANT", 0.1, "住户厨房"))),
            new Profile("KINDERGARTEN", "", 1, new String[] {"{place}小太阳幼儿园"}, new int[] {3, 4}, 3.6, new int[] {120, 300},
                    false, 0, 0.5, 0, false,
                    List.of(t("CHILDREN_OR_ELDERLY_ON_WRONG_FLOOR", 1.0, "四楼活动室"), t("EVACUATION_ROUTE_BLOCKED", 0.5, "楼梯口"))),
            new Profile("ELDERLY_CARE", "", 2, new String[] {"{place}福寿养老院", "{place}康乐养老服务中心"}, new int[] {2, 5}, 3.3,
                    new int[] {30, 200}, true, 0, 0.5, 0, false,
                    List.of(t("CHILDREN_OR_ELDERLY_ON_WRONG_FLOOR", 0.5, "五楼老人活动室"), t("FIRE_ALARM_NOT_INSTALLED", 0.3, "住养区"),
                            t("WIRING_MESSY", 0.3, "护理站"))),
            new Profile("FUEL_STATION", "", 1, new String[] {"{place}加油站"}, new int[] {1, 1}, 6.0, new int[] {5, 20}, false,
                    0, 0, 0, true,
                    List.of(t("TANK_PROTECTION_MISSING", 0.9, "储罐区"), t("FUEL_STATION_OVER_CLASS_ONE", 0.3, "储罐区"),
                            t("DG_SEPARATION_SHORT", 0.3, "储罐区与北侧住宅").withRatio(0.6, 0.95))),
            new Profile("WAREHOUSE", "", 1, new String[] {"{place}物流仓库"}, new int[] {1, 2}, 6.0, new int[] {5, 40}, false, 0, 0,
                    1.0, false,
                    List.of(t("CLASS_AB_UNDERGROUND", 0.9, "负一层库房（存放油漆稀料）"), t("FIRE_LANE_BLOCKED", 0.3, "装卸区"),
                            t("WIRING_MESSY", 0.3, "叉车充电区"))),
            new Profile("DANGEROUS_GOODS_STORE", "", 1, new String[] {"{place}化工原料仓库"}, new int[] {1, 1}, 8.0, new int[] {3, 20},
                    false, 0, 0, 0, true,
                    List.of(t("DG_FACILITY_NOT_AT_CITY_EDGE", 1.0, "主库区"), t("DG_SEPARATION_SHORT", 0.7, "库区与居民楼")
                            .withRatio(0.6, 0.95), t("TANK_PROTECTION_MISSING", 0.3, "储罐"))),
            new Profile("DORMITORY", "", 5, new String[] {"{place}环卫工人宿舍", "{biz}公司职工宿舍"}, new int[] {3, 7}, 3.0,
                    new int[] {40, 400}, true, 0.1, 0.3, 0, false,
                    List.of(t("EVACUATION_ROUTE_BLOCKED", 0.3, "走廊"), t("EXIT_LOCKED_OR_BLOCKED", 0.15, "一楼侧门"),
                            t("WIRING_MESSY", 0.35, "宿舍（私拉电线）"), t("SANDWICH_PANEL_LODGING", 0.15, "楼顶加建宿舍"))),
            new Profile("WORKSHOP", "", 3, new String[] {"{place}服装加工厂车间", "{place}制鞋厂车间"}, new int[] {2, 5}, 4.5,
                    new int[] {80, 600}, false, 0, 0, 0, false,
                    List.of(t("EXITS_TOO_FEW", 0.2, "二楼车间"), t("EXIT_LOCKED_OR_BLOCKED", 0.2, "车间后门"),
                            t("SANDWICH_PANEL_LODGING", 0.3, "车间内员工住宿区"), t("WIRING_MESSY", 0.3, "缝纫机区"),
                            t("DG_IN_BUILDING_WITH_CROWDED_OR_HOMES", 0.35, "胶水仓库"))),
            new Profile("SANITATION_DEPOT", "", 10, new String[] {"{place}垃圾中转站", "{place}环卫作业点", "{place}公厕及环卫工具房"},
                    new int[] {1, 2}, 4.0, new int[] {3, 30}, false, 0.1, 0, 0, false,
                    List.of(t("WIRING_MESSY", 0.3, "值班室", "充电区"), t("FIRE_LANE_BLOCKED", 0.15, "进出通道"),
                            t("GAS_USE_NONCOMPLIANT", 0.1, "值班室"), t("SANDWICH_PANEL_LODGING", 0.1, "彩钢板休息室"))),
            new Profile("HOSPITAL", "", 2, new String[] {"{place}社区医院门诊楼", "{place}街道卫生院病房楼"}, new int[] {3, 8}, 3.8,
                    new int[] {200, 1200}, true, 0, 0.6, 0, false,
                    List.of(t("EVACUATION_ROUTE_BLOCKED", 0.25, "病房走廊"), t("PUBLIC_FIRE_FACILITY_DAMAGED", 0.2, "防火门"),
                            t("WIRING_MESSY", 0.2, "配电间"))),
            new Profile("DISPATCH_CENTRE", "", 1, new String[] {"城区供水调度中心"}, new int[] {4, 6}, 3.8, new int[] {20, 80}, false,
                    0, 0, 0, false,
                    List.of(t("FIRE_ALARM_NOT_INSTALLED", 0.2, "机房"), t("WIRING_MESSY", 0.3, "机房"))));

    private static final String[] BIZ = {"物业", "置业", "建设", "商贸", "科技", "咨询", "物流", "环保", "水务", "运输"};

    private final Random random;
    private final Campaign campaign;
    private final List<Profile> mix;
    private final Set<String> skipped = new TreeSet<>();

    SampleGenerator(long seed, Campaign campaign) {
        this.random = new Random(seed);
        this.campaign = campaign;
        List<Profile> list = new ArrayList<>();
        for (Profile p : PROFILES) {
            if (!campaign.venueKinds().containsKey(p.kind())) {
                skipped.add("kind " + p.kind());
                continue;
            }
            for (int i = 0; i < p.per200(); i++) {
                list.add(p);
            }
        }
        Collections.shuffle(list, random);
        this.mix = list;
    }

    /** Every hazard code some template can write. */
    static Set<String> templateCodes() {
        Set<String> codes = new TreeSet<>();
        PROFILES.forEach(p -> p.findings().forEach(t -> codes.add(t.code())));
        return codes;
    }

    /** Hazard codes and venue kinds left out because the campaign does not define them. */
    Set<String> skipped() {
        return skipped;
    }

    /** Writes {@code count} venues, one JSON object per line. */
    void write(int count, Writer out) throws IOException {
        JsonFactory json = new JsonFactory();
        int width = Math.max(4, String.valueOf(count).length());
        for (int i = 1; i <= count; i++) {
            StringWriter line = new StringWriter(512);
            try (JsonGenerator g = json.createGenerator(line)) {
                venue(g, String.format("WZ-%0" + width + "d", i), mix.get((i - 1) % mix.size()));
            }
            out.write(line.toString());
            out.write('\n');
        }
        out.flush();
    }

    private void venue(JsonGenerator g, String id, Profile p) throws IOException {
        String street = pick(STREETS.toArray(String[]::new));
        int floors = between(p.floors()[0], p.floors()[1]);
        double height = Math.round(floors * p.storey() * 10) / 10.0;
        int occupants = roundTo(between(p.occupants()[0], p.occupants()[1]), 5);
        String gas = gas(p);
        boolean underground = random.nextDouble() < p.underground();
        LocalDate date = inspectionDate();
        double state = random.nextDouble();
        String status = state < 0.02 ? "SUSPENDED" : state < 0.03 ? "CLOSED" : "OPERATING";
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("name", name(p));
        g.writeStringField("kind", p.kind());
        g.writeStringField("street", street);
        g.writeNumberField("heightMeters", height);
        g.writeNumberField("floors", floors);
        if (underground) {
            g.writeBooleanField("underground", true);
        }
        g.writeNumberField("occupants", occupants);
        if (p.sleeping()) {
            g.writeBooleanField("sleeping", true);
        }
        g.writeStringField("gas", gas);
        if (p.dangerousGoods()) {
            g.writeBooleanField("dangerousGoods", true);
        }
        if (!status.equals("OPERATING")) {
            g.writeStringField("status", status);
        }
        g.writeStringField("date", date.toString());
        List<Template> found = new ArrayList<>();
        for (Template t : p.findings()) {
            if (!campaign.hazards().containsKey(t.code())) {
                skipped.add("hazard " + t.code());
                continue;
            }
            if (random.nextDouble() < t.chance()) {
                found.add(t);
            }
        }
        if (!found.isEmpty() && random.nextDouble() < 0.01) {
            g.writeBooleanField("judgedNotMajor", true);
        }
        g.writeArrayFieldStart("findings");
        int n = 0;
        for (Template t : found) {
            finding(g, "F" + (++n), t, date);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void finding(JsonGenerator g, String id, Template t, LocalDate date) throws IOException {
        HazardType type = campaign.hazards().get(t.code());
        LocalDate foundOn = date.minusDays(random.nextDouble() < 0.5 ? 0 : between(1, 75));
        double s = random.nextDouble();
        String status = s < 0.5 ? "OPEN" : s < 0.65 ? "IN_PROGRESS" : s < 0.8 ? "RECTIFIED" : s < 0.9 ? "VERIFIED"
                : type.correctableOnSpot() ? "CORRECTED_ON_SPOT" : "OPEN";
        if (foundOn.equals(date) && (status.equals("RECTIFIED") || status.equals("VERIFIED"))) {
            status = "OPEN";
        }
        int times = random.nextDouble() < 0.8 ? 1 : random.nextDouble() < 0.75 ? 2 : 3;
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("code", t.code());
        g.writeStringField("location", pick(t.locations()));
        if (t.ratio() != null) {
            g.writeNumberField("ratio", Math.round((t.ratio()[0] + random.nextDouble() * (t.ratio()[1] - t.ratio()[0])) * 100) / 100.0);
        }
        if (!status.equals("OPEN")) {
            g.writeStringField("status", status);
        }
        if (!foundOn.equals(date)) {
            g.writeStringField("foundOn", foundOn.toString());
        }
        if (times > 1) {
            g.writeNumberField("timesFound", times);
            g.writeStringField("enforcement", times == 2 ? "ORDERED_TO_CORRECT" : "REFUSED_TO_CORRECT");
        }
        if (!type.elements().isEmpty() && random.nextDouble() < 0.03) {
            g.writeBooleanField("expertReviewed", true);
        }
        // A plan: always once rectification has started; for open findings, often, and then the
        // deadline may have passed (an overdue rectification, which the inspection plan weighs).
        boolean started = !status.equals("OPEN") && !status.equals("CORRECTED_ON_SPOT");
        if (started || (status.equals("OPEN") && !foundOn.equals(date) && random.nextDouble() < 0.6)) {
            LocalDate deadline = foundOn.plusDays(Math.max(1, type.rectifyDays() / (started ? 1 : 3)));
            g.writeObjectFieldStart("plan");
            g.writeStringField("responsible", pick(new String[] {"负责人", "店长", "物业经理", "安全员", "后勤主任"}));
            g.writeStringField("measures", "按规定整改：" + type.label().zh());
            g.writeStringField("deadline", deadline.toString());
            if (random.nextDouble() < 0.7) {
                g.writeStringField("funds", "自筹" + between(1, 50) * 1000 + "元");
            }
            if (random.nextDouble() < 0.6) {
                g.writeStringField("contingencyPlan", "整改期间加强巡查，配备灭火器材");
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private String name(Profile p) {
        return pick(p.names()).replace("{place}", pick(PLACE)).replace("{sur}", pick(SUR)).replace("{dish}", pick(DISH))
                .replace("{biz}", pick(BIZ)).replace("{n}", String.valueOf(between(1, 28)));
    }

    private String gas(Profile p) {
        double r = random.nextDouble();
        return r < p.lpg() ? "LPG_CYLINDER" : r < p.lpg() + p.pipedGas() ? "PIPED_NATURAL_GAS" : "NONE";
    }

    private LocalDate inspectionDate() {
        if (random.nextDouble() < 0.3) {
            LocalDate[] span = BUSY[random.nextInt(BUSY.length)];
            return span[0].plusDays(random.nextInt((int) (span[1].toEpochDay() - span[0].toEpochDay()) + 1));
        }
        return FIRST.plusDays(random.nextInt((int) (LAST.toEpochDay() - FIRST.toEpochDay()) + 1));
    }

    private int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    private static int roundTo(int value, int step) {
        return Math.max(step, Math.round(value / (float) step) * step);
    }

    private <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }

    public static void main(String[] args) throws IOException {
        int count = SAMPLE_COUNT;
        long seed = SAMPLE_SEED;
        Path out = null;
        String campaignId = EngineOptions.DEFAULT_CAMPAIGN;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--campaign" -> campaignId = args[++i];
                default -> {
                    System.err.println("usage: SampleGenerator [--count N] [--seed S] [--campaign ID] [--out FILE]");
                    System.exit(2);
                }
            }
        }
        try (RiskEngine engine = RiskEngine.builder().campaign(campaignId).build()) {
            SampleGenerator generator = new SampleGenerator(seed, engine.campaign());
            if (out == null) {
                Writer w = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
                generator.write(count, w);
            } else {
                try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8),
                        1 << 16)) {
                    generator.write(count, w);
                }
            }
            if (!generator.skipped().isEmpty()) {
                PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
                err.println("left out (not in campaign " + campaignId + "): " + String.join(", ", generator.skipped()));
            }
        }
    }
}
