package io.firerisk.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.firerisk.RiskEngine;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.ElementKind;
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
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes fictional Wanzhou venues with findings, as JSON Lines: the bundled sample (200 venues,
 * seed 2023, every hazard code at least once), the benchmark's large files, and with {@code
 * --realistic} a sample at the frequencies met in practice, for calibration ({@link Mode};
 * {@link Calibration} prints what the engine makes of both). Deterministic: the same mode, count,
 * seed and campaign give the same file byte for byte ({@link Random}'s sequence is fixed by the Java
 * specification).
 *
 * <pre>
 * java -cp risk-examples/target/firerisk.jar io.firerisk.cli.SampleGenerator \
 *      --count 200 --seed 2023 --out risk-examples/src/main/resources/samples/wanzhou-venues.jsonl
 * java -cp risk-examples/target/firerisk.jar io.firerisk.cli.SampleGenerator --realistic --count 5000 --out realistic.jsonl
 * </pre>
 *
 * <p>Findings come from the templates in {@link #PROFILES}; a template whose hazard code the
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

    /**
     * How a kind of venue looks: how many in 200, size, people, gas, and what inspectors find there. A
     * name that starts with {@code @} is one of the bureau's own facilities (its offices, canteens,
     * depots, workers' dormitories); {@code uses} are other kinds such a venue may also serve as, each
     * declared on a third of them; {@code classes} are place classes every such venue declares for itself
     * (a municipal archive is an important place, which its kind alone does not tell).
     */
    private record Profile(String kind, String variant, int per200, String[] names, int[] floors, double storey,
            int[] occupants, boolean sleeping, double lpg, double pipedGas, double underground, boolean dangerousGoods,
            List<Template> findings, String[] uses, String[] classes) {
        Profile(String kind, String variant, int per200, String[] names, int[] floors, double storey, int[] occupants,
                boolean sleeping, double lpg, double pipedGas, double underground, boolean dangerousGoods,
                List<Template> findings) {
            this(kind, variant, per200, names, floors, storey, occupants, sleeping, lpg, pipedGas, underground, dangerousGoods,
                    findings, new String[0], new String[0]);
        }

        Profile alsoUsedAs(String... uses) {
            return new Profile(kind, variant, per200, names, floors, storey, occupants, sleeping, lpg, pipedGas, underground,
                    dangerousGoods, findings, uses, classes);
        }

        Profile declaring(String... classes) {
            return new Profile(kind, variant, per200, names, floors, storey, occupants, sleeping, lpg, pipedGas, underground,
                    dangerousGoods, findings, uses, classes);
        }
    }

    /** What a venue must have for a finding to be possible there: gas of a kind, a high-rise building. */
    enum Need {
        ANY, GAS, LPG, PIPED_GAS, HIGH_RISE, LPG_IN_HIGH_RISE;

        boolean met(String gas, boolean highRise) {
            return switch (this) {
                case ANY -> true;
                case GAS -> !gas.equals("NONE");
                case LPG -> gas.equals("LPG_CYLINDER");
                case PIPED_GAS -> gas.equals("PIPED_NATURAL_GAS");
                case HIGH_RISE -> highRise;
                case LPG_IN_HIGH_RISE -> highRise && gas.equals("LPG_CYLINDER");
            };
        }
    }

    /**
     * Which sample. {@link #EVERY_CODE} (the bundled one) draws each template at its chance and then
     * makes sure every template of a kind appears at least once, so that every rule of the campaign
     * fires on 200 venues: it is rich in grave findings on purpose. {@link #REALISTIC} draws at the
     * frequencies met in practice, as far as they are known (docs/calibration.md gives the sources and
     * marks the assumptions): nothing is forced in, sizes are log-uniform (small places are the many),
     * ordinary findings are drawn {@value #ORDINARY_SCALE} times as often so that a venue has about
     * as many findings as campaigns report per unit inspected (1.0–2.4), and the grave ones (a code
     * that can carry a legal ground for stopping use, or a direct element of a major fire hazard) at
     * {@value #GRAVE_SCALE} of their chance, which puts the share of suspected major hazards at a few
     * times the share governments list (0.1–0.6% of units).
     */
    enum Mode {
        EVERY_CODE, REALISTIC;

        static final double ORDINARY_SCALE = 1.6;
        static final double GRAVE_SCALE = 0.2;

        double chance(Template t, HazardType type, Campaign campaign) {
            if (this == EVERY_CODE) {
                return t.chance();
            }
            boolean grave = !type.grounds().isEmpty() || type.elements().stream()
                    .anyMatch(e -> campaign.elements().containsKey(e) && campaign.elements().get(e).kind() == ElementKind.DIRECT);
            return Math.min(1, t.chance() * (grave ? GRAVE_SCALE : ORDINARY_SCALE));
        }
    }

    /**
     * A finding an inspector may record at such a venue, with its chance, where, and what the venue must
     * have. A recurring one (e-bikes back in the stairwell) is more often found again, and so more often
     * met with an order to correct and a refusal.
     */
    private record Template(String code, double chance, String[] locations, double[] ratio, Need need, boolean recurs,
            String area) {
        Template(String code, double chance, String... locations) {
            this(code, chance, locations, null, Need.ANY, false, null);
        }

        Template withRatio(double low, double high) {
            return new Template(code, chance, locations, new double[] {low, high}, need, recurs, area);
        }

        Template when(Need need) {
            return new Template(code, chance, locations, ratio, need, recurs, area);
        }

        Template recurring() {
            return new Template(code, chance, locations, ratio, need, true, area);
        }

        /** The part of the venue the finding puts at risk (where use would stop); without it, the whole venue. */
        Template in(String area) {
            return new Template(code, chance, locations, ratio, need, recurs, area);
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

    /**
     * The readiness gaps of 二(九) a unit (局属单位, enterprise) may have, each with the same chance. A
     * gap is recorded where the unit keeps the thing that is missing.
     */
    private static List<Template> readiness(double chance) {
        return List.of(t("RESCUE_TEAM_NOT_ESTABLISHED", chance, "义务消防队"), t("DUTY_ROSTER_NOT_IN_PLACE", chance, "值班室"),
                t("FIRE_EQUIPMENT_NOT_MAINTAINED", chance, "消防器材室", "灭火器箱"),
                t("EMERGENCY_RESERVES_LACKING", chance, "应急物资库"), t("DRILL_NOT_HELD", chance, "本单位"),
                t("CONTINGENCY_PLAN_NOT_REVISED", chance, "本单位"));
    }

    /** The check items of the self-inspection of offices and canteens (二(三)) beyond wiring and exits. */
    private static List<Template> selfInspection(double chance) {
        return List.of(t("ELECTRICAL_WIRING_AGED", chance, "配电箱", "办公区吊顶内"), t("ELECTRICAL_OVERLOAD", chance, "办公室（电暖器）", "值班室"),
                t("FIRE_EXTINGUISHER_INVALID", chance, "走道灭火器箱", "后厨"), t("HYDRANT_OBSTRUCTED", chance / 2, "一楼消火栓"),
                t("FIRE_SAFETY_DUTY_UNASSIGNED", chance, "本单位"), t("FIRE_PATROL_NOT_DONE", chance, "防火巡查记录"),
                t("EMERGENCY_PLAN_MISSING", chance, "本单位"), t("POWER_LEFT_ON_UNATTENDED", chance / 2, "办公室（下班未断电）"));
    }

    @SafeVarargs
    private static List<Template> join(List<Template>... parts) {
        List<Template> all = new ArrayList<>();
        for (List<Template> part : parts) {
            all.addAll(part);
        }
        return List.copyOf(all);
    }

    static final List<Profile> PROFILES = List.of(
            new Profile("GOVERNMENT_OFFICE", "", 5, new String[] {"@{place}城管执法中队办公楼", "@{place}市政设施管理站办公楼",
                    "@{place}环卫管理所办公楼"}, new int[] {3, 9}, 3.6, new int[] {40, 300}, false, 0, 0.3, 0, false,
                    join(List.of(t("WIRING_MESSY", 0.16, "档案室", "值班室", "办公区"), t("EVACUATION_ROUTE_BLOCKED", 0.09, "二楼走道", "楼梯间"),
                            t("PUBLIC_FIRE_FACILITY_DAMAGED", 0.08, "消火栓箱", "灭火器箱"), t("FIRE_ALARM_NOT_INSTALLED", 0.04, "档案室")),
                            selfInspection(0.08), readiness(0.12))).alsoUsedAs("CANTEEN"),
            new Profile("OFFICE", "", 14, new String[] {"{place}{biz}有限公司办公楼", "{place}{biz}大厦", "{place}商务楼{n}座"},
                    new int[] {3, 26}, 3.6, new int[] {30, 500}, false, 0, 0.2, 0.02, false,
                    join(List.of(t("WIRING_MESSY", 0.12, "机房", "茶水间", "开放办公区"), t("EVACUATION_ROUTE_BLOCKED", 0.09, "消防楼梯", "走道"),
                            t("EXIT_LOCKED_OR_BLOCKED", 0.06, "东侧安全出口", "后门"),
                            t("PUBLIC_FIRE_FACILITY_DAMAGED", 0.06, "消火栓", "应急照明"), t("FIRE_ALARM_NOT_INSTALLED", 0.02, "裙楼"),
                            t("EVACUATION_SIGNS_OR_LIGHTING_DAMAGED", 0.06, "各层疏散走道").withRatio(0.1, 0.6),
                            t("STAIR_DOORS_DAMAGED", 0.05, "防烟楼梯间").withRatio(0.1, 0.6),
                            t("FIRE_LIFT_OUT_OF_ORDER", 0.06, "消防电梯").when(Need.HIGH_RISE),
                            t("FIRE_LINKAGE_NOT_WORKING", 0.03, "消防控制室"), t("CONTROL_ROOM_OPERATOR_UNCERTIFIED", 0.06, "消防控制室"),
                            t("FIRE_ALARM_SYSTEM_DEAD", 0.01, "消防控制室（火灾报警控制器断电）"),
                            t("FIRE_POWER_NOT_DEDICATED", 0.04, "配电房"), t("SMOKE_CONTROL_DEFECTIVE", 0.03, "地下车库", "防烟楼梯间前室"),
                            t("SPRINKLER_NOT_WORKING", 0.02, "地下车库")),
                            selfInspection(0.05), readiness(0.03))),
            new Profile("CANTEEN", "", 14, new String[] {"@{place}环卫所职工食堂", "@{place}城管中队食堂", "@{place}市政所食堂",
                    "{biz}公司职工食堂"}, new int[] {1, 3}, 4.0, new int[] {30, 300}, false, 0.4, 0.55, 0.05, false,
                    join(List.of(t("GAS_USE_NONCOMPLIANT", 0.12, "后厨", "燃气表间").when(Need.GAS),
                            t("GAS_ALARM_NOT_INSTALLED", 0.2, "后厨").when(Need.GAS),
                            t("GAS_ALARM_NOT_WORKING", 0.08, "后厨").when(Need.GAS),
                            t("GAS_CUTOFF_VALVE_MISSING", 0.12, "后厨燃气管道").when(Need.GAS),
                            t("LPG_CYLINDER_UNDERGROUND", 0.16, "地下室后厨（存放液化气瓶）").when(Need.LPG),
                            t("LPG_APPLIANCE_UNDERGROUND", 0.16, "负一层厨房灶具").when(Need.LPG).in("负一层厨房"),
                            t("GAS_HOSE_OBSOLETE", 0.08, "灶台连接软管").when(Need.GAS),
                            t("GAS_LEAK", 0.02, "燃气表后阀门（漏气）", "灶具接口（漏气）").when(Need.GAS).in("后厨"),
                            t("GAS_PIPE_DAMAGED", 0.09, "燃气立管").when(Need.PIPED_GAS),
                            t("GAS_LEFT_ON_UNATTENDED", 0.04, "后厨").when(Need.GAS), t("COMBUSTIBLES_IN_KITCHEN", 0.08, "后厨"),
                            t("WIRING_MESSY", 0.09, "后厨", "储藏间"), t("EXIT_LOCKED_OR_BLOCKED", 0.08, "就餐区后门"),
                            t("EVACUATION_ROUTE_BLOCKED", 0.08, "通往后厨走道")), selfInspection(0.04))),
            new Profile("SCHOOL_CANTEEN", "", 3, new String[] {"万州区{place}中学食堂", "{place}小学食堂"}, new int[] {1, 3}, 4.5,
                    new int[] {200, 1200}, false, 0.1, 0.9, 0, false,
                    List.of(t("GAS_USE_NONCOMPLIANT", 0.3, "后厨").when(Need.GAS),
                            t("GAS_ALARM_NOT_WORKING", 0.25, "后厨").when(Need.GAS),
                            t("GAS_PIPE_IN_TOILET", 0.25, "员工卫生间（燃气立管穿过）").when(Need.PIPED_GAS),
                            t("FUEL_OIL_USE_NONCOMPLIANT", 0.25, "蒸饭间柴油灶"), t("WIRING_MESSY", 0.15, "售饭区"),
                            t("EXIT_LOCKED_OR_BLOCKED", 0.15, "侧门"))),
            new Profile("RESTAURANT", "", 33, new String[] {"{sur}{dish}", "{sur}{dish}馆", "{place}{dish}店", "{sur}{dish}大排档"},
                    new int[] {1, 3}, 4.0, new int[] {20, 320}, false, 0.65, 0.35, 0.05, false,
                    List.of(t("GAS_USE_NONCOMPLIANT", 0.12, "后厨", "液化气瓶间", "灶台").when(Need.GAS),
                            t("GAS_ALARM_NOT_INSTALLED", 0.23, "后厨").when(Need.GAS),
                            t("GAS_ALARM_NOT_WORKING", 0.05, "后厨").when(Need.GAS),
                            t("GAS_CUTOFF_VALVE_MISSING", 0.06, "灶前管道").when(Need.GAS),
                            t("GAS_HOSE_OBSOLETE", 0.08, "灶台连接软管").when(Need.GAS),
                            t("GAS_APPLIANCE_OBSOLETE", 0.04, "后厨猛火灶").when(Need.GAS),
                            t("GAS_PIPE_IN_BEDROOM", 0.03, "阁楼员工宿舍").when(Need.GAS),
                            t("LPG_CYLINDER_UNDERGROUND", 0.03, "负一层储藏间（存放液化气瓶）").when(Need.LPG),
                            t("LPG_APPLIANCE_UNDERGROUND", 0.02, "负一层后厨灶具").when(Need.LPG).in("负一层后厨"),
                            t("DG_IN_CROWDED_PLACE", 0.03, "大堂（存放多瓶液化气）").when(Need.LPG).in("大堂"),
                            t("GAS_LEAK", 0.02, "灶前软管接口（漏气）").when(Need.GAS).in("后厨"),
                            t("GAS_LEFT_ON_UNATTENDED", 0.03, "后厨").when(Need.GAS),
                            t("FLAME_LEFT_UNATTENDED", 0.03, "后厨（炉火无人看管）"),
                            t("OPEN_FLAME_UNSUPERVISED", 0.04, "门前（明火烤制）"), t("COMBUSTIBLES_IN_KITCHEN", 0.08, "后厨"),
                            t("ESCAPE_OBSTACLE", 0.06, "二楼窗户（防盗网）", "门头广告牌").recurring(), t("WIRING_MESSY", 0.09, "后厨", "包间"),
                            t("EVACUATION_ROUTE_BLOCKED", 0.08, "后厨通道", "楼梯口"), t("EXIT_LOCKED_OR_BLOCKED", 0.05, "后门"),
                            t("COMBUSTIBLE_DECORATION", 0.02, "包间（木质墙裙）").in("二楼包间"), t("FIRE_EXTINGUISHER_INVALID", 0.05, "大堂"))),
            // Restaurants on the upper floors of towers that still cook on bottled gas (二(四)).
            new Profile("RESTAURANT", "high-rise", 4, new String[] {"{place}大厦{dish}酒楼", "{place}广场{n}楼{dish}"}, new int[] {9, 30},
                    3.5, new int[] {60, 400}, false, 1.0, 0, 0, false,
                    List.of(t("LPG_CYLINDER_IN_HIGH_RISE", 0.6, "后厨（使用瓶装液化气）").when(Need.LPG_IN_HIGH_RISE),
                            t("GAS_ALARM_NOT_INSTALLED", 0.2, "后厨").when(Need.GAS),
                            t("EVACUATION_SIGNS_OR_LIGHTING_DAMAGED", 0.2, "就餐区").withRatio(0.2, 0.5),
                            t("STAIR_DOORS_DAMAGED", 0.15, "防烟楼梯间").withRatio(0.1, 0.4), t("COMBUSTIBLES_IN_KITCHEN", 0.1, "后厨"),
                            t("EVACUATION_ROUTE_BLOCKED", 0.1, "后厨通道"))),
            new Profile("MARKET", "", 8, new String[] {"{place}菜市场", "{place}农贸市场", "{place}综合市场"}, new int[] {1, 3}, 4.5,
                    new int[] {150, 1500}, false, 0.2, 0, 0.1, false,
                    List.of(t("EXIT_WIDTH_SHORT", 0.16, "东侧出口", "北门").withRatio(0.6, 0.95), t("EXITS_TOO_FEW", 0.08, "二层（仅一部楼梯）").in("二层营业区"),
                            t("WIRING_MESSY", 0.16, "摊位区", "冻库"), t("FIRE_LANE_BLOCKED", 0.09, "市场外消防车通道"),
                            t("EVACUATION_ROUTE_BLOCKED", 0.16, "摊位间通道"), t("DG_IN_CROWDED_PLACE", 0.06, "干货摊位（销售烟花爆竹）").in("干货区"),
                            t("SALES_FLOOR_TRAVEL_DISTANCE_LONG", 0.12, "二层营业厅").withRatio(0.1, 0.6),
                            t("BARS_OR_SHUTTERS_ON_EVACUATION_ROUTE", 0.09, "西侧疏散门（卷帘门）"),
                            t("ELECTRICAL_WIRING_AGED", 0.08, "摊位照明线路"), t("HYDRANT_OBSTRUCTED", 0.08, "室外消火栓"),
                            t("FIRE_COMPARTMENT_OVERSIZED", 0.06, "二层（打通防火分区）").withRatio(0.3, 0.9),
                            t("FIRE_SEPARATION_OCCUPIED", 0.04, "市场与相邻建筑之间（搭建棚房）"),
                            t("OUTDOOR_FIRE_WATER_DEFECTIVE", 0.04, "室外消火栓（无水）"))),
            new Profile("HOTEL", "", 14, new String[] {"{place}宾馆", "{place}酒店", "{place}商务酒店", "{place}旅馆", "{place}招待所"},
                    new int[] {3, 18}, 3.3, new int[] {20, 400}, true, 0.05, 0.45, 0, false,
                    List.of(t("SPRINKLER_NOT_INSTALLED", 0.08, "三至六层客房", "客房层"), t("FIRE_ALARM_NOT_INSTALLED", 0.06, "客房层"),
                            t("EXIT_LOCKED_OR_BLOCKED", 0.09, "一楼侧门", "楼顶安全出口"), t("WIRING_MESSY", 0.09, "布草间", "客房"),
                            t("FIRE_LANE_BLOCKED", 0.06, "门前消防车通道"), t("PUBLIC_FIRE_FACILITY_DAMAGED", 0.06, "消火栓"),
                            t("SANDWICH_PANEL_LODGING", 0.04, "楼顶员工宿舍"), t("FIRE_ALARM_NOT_WORKING", 0.06, "消防控制室"),
                            t("SPRINKLER_NOT_WORKING", 0.06, "客房层（末端试水无水）"),
                            t("HYDRANT_SYSTEM_DRY", 0.02, "室内消火栓系统（管网无水）", "消防水泵（不能启动）"),
                            t("SPRINKLER_SYSTEM_DISABLED", 0.01, "湿式报警阀（关闭）"),
                            t("STAIR_DOORS_DAMAGED", 0.06, "疏散楼梯间").withRatio(0.1, 0.6),
                            t("EVACUATION_FINISHES_NONCOMPLIANT", 0.04, "客房走道（可燃墙纸）"),
                            t("RESCUE_SITE_NONCOMPLIANT_OR_OCCUPIED", 0.12, "登高操作场地（停车）").when(Need.HIGH_RISE),
                            t("FIRE_LIFT_OUT_OF_ORDER", 0.08, "消防电梯").when(Need.HIGH_RISE))).alsoUsedAs("ENTERTAINMENT"),
            new Profile("MALL", "", 2, new String[] {"{place}购物中心", "{place}商厦", "{place}百货"}, new int[] {4, 8}, 5.0,
                    new int[] {800, 5000}, false, 0, 0.2, 0, false,
                    List.of(t("EXIT_WIDTH_SHORT", 0.2, "负一楼出口").withRatio(0.65, 0.95), t("FIRE_LANE_BLOCKED", 0.25, "环形消防车道"),
                            t("SPRINKLER_NOT_INSTALLED", 0.1, "四楼餐饮区"), t("PUBLIC_FIRE_FACILITY_DAMAGED", 0.2, "防火卷帘", "消火栓"),
                            t("FIRE_COMPARTMENT_OVERSIZED", 0.3, "三层（拆除防火墙扩建）").withRatio(0.3, 0.9),
                            t("FIRE_SEPARATION_DEVICES_DAMAGED", 0.3, "二层防火卷帘").withRatio(0.2, 0.8),
                            t("STAFF_DORMITORY_IN_PLANT_OR_MALL", 0.2, "五层库房（员工住宿）"), t("FIRE_LINKAGE_NOT_WORKING", 0.2, "消防控制室"),
                            t("CONTROL_ROOM_OPERATOR_UNCERTIFIED", 0.2, "消防控制室"),
                            t("COMBUSTIBLE_DECORATION", 0.2, "四层儿童乐园（海绵软包）").in("四层儿童乐园"),
                            t("SPRINKLER_NOT_WORKING", 0.15, "地下车库"),
                            t("HYDRANT_SYSTEM_DRY", 0.1, "室内消火栓系统（管网无水）"),
                            t("SPRINKLER_SYSTEM_DISABLED", 0.1, "喷淋泵（控制柜置于手动且故障）"))),
            // An old department store converted floor by floor: the kind of place GB 35181 counts to a major hazard
            // by its comprehensive elements (8.2 a) rather than by one direct element.
            new Profile("MALL", "old", 1, new String[] {"{place}老百货商场"}, new int[] {4, 5}, 4.5, new int[] {600, 1500}, false, 0, 0,
                    0, false,
                    List.of(t("STAIR_ENCLOSURE_TYPE_NONCOMPLIANT", 0.9, "南侧疏散楼梯（敞开楼梯间）"),
                            t("EVACUATION_SIGNS_OR_LIGHTING_MISSING", 0.9, "三、四层营业厅"),
                            t("EVACUATION_FINISHES_NONCOMPLIANT", 0.8, "疏散走道（木板吊顶）"),
                            t("BARS_OR_SHUTTERS_ON_EVACUATION_ROUTE", 0.7, "二层疏散门（卷帘门）"),
                            t("SMOKE_CONTROL_DEFECTIVE", 0.7, "中庭排烟窗"),
                            t("SALES_FLOOR_TRAVEL_DISTANCE_LONG", 0.6, "三层营业厅").withRatio(0.3, 0.6),
                            t("EXTERNAL_WINDOWS_BLOCKED", 0.6, "临街外窗（广告牌）"))),
            new Profile("SHOP", "", 15, new String[] {"{place}五金店", "{place}便民超市", "{place}日杂店", "{place}烟酒店", "{sur}建材店"},
                    new int[] {1, 2}, 3.8, new int[] {5, 80}, false, 0, 0, 0.05, false,
                    List.of(t("EXITS_TOO_FEW", 0.06, "营业厅"), t("WIRING_MESSY", 0.12, "仓储间", "收银台"),
                            t("EVACUATION_ROUTE_BLOCKED", 0.09, "货架通道"), t("DG_IN_CROWDED_PLACE", 0.05, "店内（超量储存烟花爆竹）"),
                            t("DG_IN_BUILDING_WITH_CROWDED_OR_HOMES", 0.02, "一楼（楼上为住宅）"),
                            t("DG_PREMISES_WITH_RESIDENCE", 0.02, "一楼门面（储存销售烟花爆竹，楼上为住宅）"),
                            t("BUSINESS_IN_DWELLING", 0.06, "住宅楼一层（前店后宅）"), t("ELECTRICAL_OVERLOAD", 0.06, "仓储间（电暖器）"),
                            t("FIRE_EXTINGUISHER_INVALID", 0.08, "收银台"), t("ESCAPE_OBSTACLE", 0.05, "窗户（防盗网）").recurring(),
                            t("POWER_LEFT_ON_UNATTENDED", 0.04, "打烊后（电器通电）"),
                            t("INDEPENDENT_EXIT_OR_STAIR_MISSING", 0.04, "底层商铺（与住宅共用楼梯）"))),
            new Profile("ENTERTAINMENT", "", 6, new String[] {"{place}KTV", "{place}歌舞厅", "{place}网吧", "{place}棋牌室"},
                    new int[] {1, 4}, 4.0, new int[] {40, 600}, false, 0, 0.1, 0.2, false,
                    List.of(t("EXITS_TOO_FEW", 0.12, "二楼包房区（仅一部疏散楼梯）").in("二楼包房区"),
                            t("EXITS_ALL_LOCKED_OR_BLOCKED", 0.04, "二楼安全出口（全部上锁）").in("二楼包房区"), t("EXIT_WIDTH_SHORT", 0.09, "主出口").withRatio(0.6, 0.95),
                            t("EXIT_LOCKED_OR_BLOCKED", 0.16, "后门", "安全出口"), t("SPRINKLER_NOT_INSTALLED", 0.06, "包房区"),
                            t("FIRE_ALARM_NOT_INSTALLED", 0.06, "包房区"), t("WIRING_MESSY", 0.12, "吧台"),
                            t("COMBUSTIBLE_DECORATION", 0.16, "包房（海绵吸音墙面）").in("包房区"), t("EXTERNAL_WINDOWS_BLOCKED", 0.12, "外窗（封闭隔音）"),
                            t("EVACUATION_SIGNS_OR_LIGHTING_DAMAGED", 0.12, "包房走道").withRatio(0.2, 0.7),
                            t("SMOKE_CONTROL_DEFECTIVE", 0.08, "包房走道排烟口"),
                            t("EVACUATION_FINISHES_NONCOMPLIANT", 0.08, "包房走道（可燃软包）"),
                            t("FIRE_ALARM_SYSTEM_DEAD", 0.03, "火灾报警控制器（被关闭）"))),
            new Profile("RESIDENTIAL", "high-rise", 26, new String[] {"{place}花园{n}栋", "{place}雅苑{n}栋", "{place}名都{n}栋",
                    "{place}华府{n}栋"}, new int[] {18, 34}, 2.9, new int[] {150, 900}, true, 0.03, 0.92, 0, false,
                    List.of(t("FIRE_LANE_BLOCKED", 0.16, "小区消防车通道", "登高场地"), t("EVACUATION_ROUTE_BLOCKED", 0.12, "楼道", "消防楼梯间"),
                            t("EXIT_LOCKED_OR_BLOCKED", 0.08, "屋顶安全出口", "一楼侧门"),
                            t("PUBLIC_FIRE_FACILITY_DAMAGED", 0.12, "室内消火栓", "防火门", "应急照明"),
                            t("WIRING_MESSY", 0.06, "地下车库"),
                            t("EBIKE_PARKED_IN_COMMON_AREA", 0.22, "楼梯间", "一楼门厅", "安全出口").recurring(),
                            t("EBIKE_CHARGING_IN_COMMON_AREA", 0.12, "楼梯间", "一楼门厅").recurring(),
                            t("EBIKE_FLYING_LEAD", 0.06, "楼道（飞线充电）"),
                            t("COMBUSTIBLES_IN_STAIRWELL", 0.09, "消防楼梯间"), t("COMBUSTIBLES_ON_BALCONY", 0.04, "住户阳台"),
                            t("HYDRANT_OBSTRUCTED", 0.04, "室外消火栓"),
                            t("FIRE_LIFT_OUT_OF_ORDER", 0.05, "消防电梯").when(Need.HIGH_RISE),
                            t("STAIR_DOORS_DAMAGED", 0.06, "防烟楼梯间").withRatio(0.2, 0.7),
                            t("EVACUATION_SIGNS_OR_LIGHTING_DAMAGED", 0.06, "楼梯间").withRatio(0.1, 0.6),
                            t("RESCUE_SITE_NONCOMPLIANT_OR_OCCUPIED", 0.05, "登高操作场地（停车）").when(Need.HIGH_RISE),
                            t("INDOOR_HYDRANTS_DEFECTIVE", 0.05, "室内消火栓（无水）"), t("FIRE_POWER_LOAD_CLASS_LOW", 0.02, "消防水泵房"),
                            t("HYDRANT_SYSTEM_DRY", 0.02, "室内消火栓系统（屋顶水箱无水、消防水泵不能启动）"),
                            t("LPG_CYLINDER_IN_HIGH_RISE", 0.5, "住户厨房（使用瓶装液化气）").when(Need.LPG_IN_HIGH_RISE))),
            new Profile("RESIDENTIAL", "old", 24, new String[] {"{place}路{n}号住宅楼", "{place}老街{n}号院", "{place}小区{n}栋"},
                    new int[] {4, 7}, 3.0, new int[] {20, 140}, true, 0.3, 0.6, 0, false,
                    List.of(t("EVACUATION_ROUTE_BLOCKED", 0.16, "楼道", "楼梯间"), t("WIRING_MESSY", 0.12, "楼道", "一楼车棚"),
                            t("FIRE_LANE_BLOCKED", 0.09, "巷道"), t("PUBLIC_FIRE_FACILITY_DAMAGED", 0.08, "灭火器"),
                            t("GAS_USE_NONCOMPLIANT", 0.05, "住户厨房").when(Need.GAS),
                            t("GAS_HOSE_OBSOLETE", 0.04, "住户厨房").when(Need.GAS),
                            t("GAS_PIPE_IN_BEDROOM", 0.03, "住户卧室（改建厨房）").when(Need.PIPED_GAS),
                            t("GAS_PIPE_DAMAGED", 0.03, "楼道燃气立管").when(Need.PIPED_GAS),
                            t("EBIKE_PARKED_IN_COMMON_AREA", 0.09, "楼道", "单元门口").recurring(),
                            t("EBIKE_FLYING_LEAD", 0.09, "一楼车棚（飞线充电）"),
                            t("COMBUSTIBLES_IN_STAIRWELL", 0.12, "楼道"), t("COMBUSTIBLES_ON_BALCONY", 0.08, "住户阳台"),
                            t("COMBUSTIBLES_IN_KITCHEN", 0.04, "住户厨房"), t("FLAME_LEFT_UNATTENDED", 0.02, "住户厨房"),
                            t("GAS_LEFT_ON_UNATTENDED", 0.02, "住户厨房").when(Need.GAS),
                            t("FIRE_SEPARATION_OCCUPIED", 0.06, "楼间空地（违章搭建）"),
                            t("BUSINESS_IN_DWELLING", 0.04, "一楼住户（改作坊生产，前店后宅）").in("一楼作坊"),
                            t("DG_PREMISES_WITH_RESIDENCE", 0.01, "一楼门面（储存销售瓶装液化气）").in("一楼门面"),
                            t("EXIT_LOCKED_OR_BLOCKED", 0.04, "单元门（锁闭）"),
                            t("DANGEROUS_BUILDING_C", 0.02, "3单元（承重墙开裂，鉴定为C级）").in("3单元"),
                            t("DANGEROUS_BUILDING_D", 0.01, "整栋（鉴定为D级危房）"))),
            new Profile("KINDERGARTEN", "", 1, new String[] {"{place}小太阳幼儿园"}, new int[] {3, 4}, 3.6, new int[] {120, 300},
                    false, 0, 0.5, 0, false,
                    List.of(t("CHILDREN_OR_ELDERLY_ON_WRONG_FLOOR", 1.0, "四楼活动室"), t("EVACUATION_ROUTE_BLOCKED", 0.5, "楼梯口"),
                            t("DRILL_NOT_HELD", 0.5, "本园"))),
            new Profile("ELDERLY_CARE", "", 2, new String[] {"{place}福寿养老院", "{place}康乐养老服务中心"}, new int[] {2, 5}, 3.3,
                    new int[] {30, 200}, true, 0, 0.5, 0, false,
                    List.of(t("CHILDREN_OR_ELDERLY_ON_WRONG_FLOOR", 0.5, "五楼老人活动室"), t("FIRE_ALARM_NOT_INSTALLED", 0.3, "住养区"),
                            t("WIRING_MESSY", 0.3, "护理站"), t("FIRE_ALARM_NOT_WORKING", 0.3, "住养区"),
                            t("REFUGE_AREA_OCCUPIED", 0.2, "三层避难间（堆放杂物）"),
                            t("FIRE_ALARM_SYSTEM_DEAD", 0.05, "火灾报警控制器（断电）"))),
            new Profile("FUEL_STATION", "", 1, new String[] {"{place}加油站"}, new int[] {1, 1}, 6.0, new int[] {5, 20}, false,
                    0, 0, 0, true,
                    List.of(t("TANK_PROTECTION_MISSING", 0.9, "储罐区"), t("FUEL_STATION_OVER_CLASS_ONE", 0.6, "储罐区"),
                            t("DG_SEPARATION_SHORT", 0.3, "储罐区与北侧住宅").withRatio(0.5, 0.85),
                            t("EXPLOSION_PROTECTION_DEFECTIVE", 0.6, "加油区（非防爆照明）"),
                            t("OPEN_FLAME_NEAR_FLAMMABLE_PLANT", 0.6, "站房厨房与卸油口"))),
            new Profile("WAREHOUSE", "", 1, new String[] {"{place}物流仓库"}, new int[] {1, 2}, 6.0, new int[] {5, 40}, false, 0, 0,
                    1.0, false,
                    List.of(t("CLASS_AB_UNDERGROUND", 1.0, "负一层库房（存放油漆稀料）"), t("FIRE_LANE_BLOCKED", 0.3, "装卸区"),
                            t("WIRING_MESSY", 0.3, "叉车充电区"), t("FIRE_RESISTANCE_BELOW_HAZARD_CLASS", 0.6, "钢结构库房"),
                            t("STAFF_DORMITORY_IN_PLANT_OR_MALL", 0.6, "库房夹层（员工住宿）"),
                            t("OUTDOOR_FIRE_WATER_DEFECTIVE", 0.6, "室外消火栓"))),
            new Profile("DANGEROUS_GOODS_STORE", "", 1, new String[] {"{place}化工原料仓库"}, new int[] {1, 1}, 8.0, new int[] {3, 20},
                    false, 0, 0, 0, true,
                    List.of(t("DG_FACILITY_NOT_AT_CITY_EDGE", 1.0, "主库区"), t("DG_SEPARATION_SHORT", 0.7, "库区与居民楼")
                            .withRatio(0.5, 0.85), t("TANK_PROTECTION_MISSING", 0.3, "储罐"),
                            t("FIXED_EXTINGUISHING_NOT_INSTALLED", 0.7, "甲类库房"), t("FULL_TIME_FIRE_BRIGADE_MISSING", 0.7, "本单位"),
                            t("FIRE_WATER_OR_AGENT_MISSING", 0.6, "泡沫液储罐"))),
            new Profile("DORMITORY", "", 5, new String[] {"@{place}环卫工人宿舍", "{biz}公司职工宿舍"}, new int[] {3, 7}, 3.0,
                    new int[] {40, 400}, true, 0.1, 0.3, 0, false,
                    List.of(t("EVACUATION_ROUTE_BLOCKED", 0.16, "走廊"), t("EXIT_LOCKED_OR_BLOCKED", 0.09, "一楼侧门"),
                            t("EXITS_ALL_LOCKED_OR_BLOCKED", 0.04, "唯一疏散楼梯（一楼铁门上锁，钥匙不在现场）"),
                            t("WIRING_MESSY", 0.16, "宿舍（私拉电线）"), t("SANDWICH_PANEL_LODGING", 0.12, "楼顶加建宿舍"),
                            t("GAS_PIPE_IN_BEDROOM", 0.08, "宿舍（燃气灶具）").when(Need.GAS),
                            t("EBIKE_CHARGING_IN_COMMON_AREA", 0.12, "一楼门厅").recurring(),
                            t("POWER_LEFT_ON_UNATTENDED", 0.06, "宿舍（电热毯）"))),
            new Profile("WORKSHOP", "", 3, new String[] {"{place}服装加工厂车间", "{place}制鞋厂车间"}, new int[] {2, 5}, 4.5,
                    new int[] {80, 600}, false, 0, 0, 0, false,
                    List.of(t("EXITS_TOO_FEW", 0.2, "二楼车间（仅一个安全出口）").in("二楼车间"), t("EXIT_LOCKED_OR_BLOCKED", 0.2, "车间后门"),
                            t("EXITS_ALL_LOCKED_OR_BLOCKED", 0.1, "三楼车间两部楼梯（均上锁）").in("三楼车间"),
                            t("SANDWICH_PANEL_LODGING", 0.3, "车间内员工住宿区"),
                            t("DANGEROUS_BUILDING_C", 0.05, "北侧附楼（屋架腐朽，鉴定为C级）").in("北侧附楼"), t("WIRING_MESSY", 0.2, "缝纫机区"),
                            t("DG_IN_BUILDING_WITH_CROWDED_OR_HOMES", 0.4, "胶水仓库（同楼有员工宿舍）"),
                            t("HAZARDOUS_PART_NOT_SEPARATED", 0.3, "刷胶工位"),
                            t("EXIT_SEALED", 0.2, "北侧安全出口（砌墙封堵）"), t("POWER_CABLES_NONCOMPLIANT", 0.2, "车间配电线路"),
                            t("FIRE_COMPARTMENT_OVERSIZED", 0.15, "二层车间（拆除防火隔墙）").withRatio(0.3, 0.9),
                            t("FIRE_RESISTANCE_BELOW_HAZARD_CLASS", 0.1, "彩钢棚车间"))),
            new Profile("FACTORY", "", 2, new String[] {"{place}食品厂厂房", "{place}印刷厂厂房"}, new int[] {1, 3}, 6.0,
                    new int[] {30, 150}, false, 0, 0.3, 0, false,
                    List.of(t("HAZARDOUS_PART_NOT_SEPARATED", 0.4, "生产车间"),
                            t("OPEN_FLAME_NEAR_FLAMMABLE_PLANT", 0.3, "锅炉房与原料库"),
                            t("FIRE_SEPARATION_DEVICES_DAMAGED", 0.3, "车间防火门").withRatio(0.3, 0.8),
                            t("BUILDING_SEPARATION_SHORT", 0.4, "厂房与仓库之间").withRatio(0.5, 0.95),
                            t("FIRE_LANE_NOT_PROVIDED", 0.4, "厂区（无环形消防车道）"), t("POWER_CABLES_NONCOMPLIANT", 0.3, "车间配电线路"),
                            t("WIRING_MESSY", 0.2, "车间"), t("FIRE_RESISTANCE_BELOW_HAZARD_CLASS", 0.2, "原料库"),
                            t("OUTDOOR_FIRE_WATER_DEFECTIVE", 0.2, "厂区室外消火栓"))),
            new Profile("SANITATION_DEPOT", "", 9, new String[] {"@{place}垃圾中转站", "@{place}环卫作业点", "@{place}公厕及环卫工具房"},
                    new int[] {1, 2}, 4.0, new int[] {3, 30}, false, 0.1, 0, 0, false,
                    join(List.of(t("WIRING_MESSY", 0.16, "值班室", "充电区"), t("FIRE_LANE_BLOCKED", 0.09, "进出通道"),
                            t("GAS_USE_NONCOMPLIANT", 0.23, "值班室").when(Need.GAS), t("SANDWICH_PANEL_LODGING", 0.06, "彩钢板休息室"),
                            t("EBIKE_FLYING_LEAD", 0.06, "工具房（飞线充电）"), t("FIRE_EXTINGUISHER_INVALID", 0.09, "压缩设备间")),
                            readiness(0.06))),
            new Profile("HOSPITAL", "", 2, new String[] {"{place}社区医院门诊楼", "{place}街道卫生院病房楼"}, new int[] {3, 12}, 3.8,
                    new int[] {200, 1200}, true, 0, 0.6, 0, false,
                    List.of(t("EVACUATION_ROUTE_BLOCKED", 0.25, "病房走廊"), t("PUBLIC_FIRE_FACILITY_DAMAGED", 0.2, "防火门"),
                            t("WIRING_MESSY", 0.2, "配电间"), t("REFUGE_AREA_NONCOMPLIANT", 0.3, "病房层避难间（未设置）"),
                            t("REFUGE_AREA_OCCUPIED", 0.3, "病房层避难间（堆放杂物）"),
                            t("INDEPENDENT_EXIT_OR_STAIR_MISSING", 0.3, "住院部（与门诊共用楼梯）"),
                            t("FIRE_POWER_CHANGEOVER_DEFECTIVE", 0.3, "消防水泵控制柜"), t("FIRE_POWER_LOAD_CLASS_LOW", 0.2, "配电房"),
                            t("FIRE_POWER_NOT_DEDICATED", 0.2, "配电房"))),
            new Profile("LIBRARY", "", 1, new String[] {"万州区图书馆{place}分馆"}, new int[] {2, 4}, 4.2, new int[] {50, 300},
                    false, 0, 0, 0, false,
                    List.of(t("EVACUATION_ROUTE_BLOCKED", 0.4, "书库通道（堆放图书）"), t("WIRING_MESSY", 0.3, "阅览室"),
                            t("FIRE_ALARM_NOT_WORKING", 0.3, "书库"),
                            t("EVACUATION_SIGNS_OR_LIGHTING_DAMAGED", 0.3, "阅览室").withRatio(0.1, 0.6))),
            new Profile("ARCHIVE", "", 1, new String[] {"重庆市{place}档案库房（市级档案馆）"}, new int[] {3, 5}, 3.8, new int[] {10, 40}, false,
                    0, 0, 0, false,
                    List.of(t("FIXED_EXTINGUISHING_NOT_WORKING", 0.5, "档案库房气体灭火系统"),
                            t("FIRE_EXTINGUISHER_INVALID", 0.4, "档案库房"), t("WIRING_MESSY", 0.3, "档案整理室")))
                    .declaring("IMPORTANT"),
            new Profile("DISPATCH_CENTRE", "", 1, new String[] {"城区供水调度中心"}, new int[] {4, 6}, 3.8, new int[] {20, 80}, false,
                    0, 0, 0, false,
                    List.of(t("FIRE_ALARM_NOT_INSTALLED", 0.2, "机房"), t("WIRING_MESSY", 0.3, "机房"),
                            t("FIXED_EXTINGUISHING_NOT_WORKING", 0.6, "机房气体灭火系统"), t("FIRE_POWER_NOT_DEDICATED", 0.5, "配电房"),
                            t("CONTROL_ROOM_OPERATOR_UNCERTIFIED", 0.5, "消防控制室"))),
            new Profile("UNDERGROUND_STATION", "", 1, new String[] {"{place}地下换乘站"}, new int[] {2, 2}, 5.0, new int[] {300, 2000},
                    false, 0, 0, 1.0, false,
                    List.of(t("SHOPS_IN_STATION_EVACUATION_AREA", 1.0, "站厅乘客疏散区（便利店）"),
                            t("EVACUATION_SIGNS_OR_LIGHTING_DAMAGED", 0.5, "站台层").withRatio(0.2, 0.5),
                            t("SMOKE_CONTROL_DEFECTIVE", 0.4, "站厅排烟风机"))));

    private static final String[] BIZ = {"物业", "置业", "建设", "商贸", "科技", "咨询", "物流", "环保", "水务", "运输"};

    private final Random random;
    private final Campaign campaign;
    private final Mode mode;
    private final List<Profile> mix;
    /** Inspections bunch up in the lead-up to and during each key period: these spans get a share of the dates. */
    private final List<LocalDate[]> busy;
    private final Set<String> skipped = new TreeSet<>();
    /** For each venue of the first round of the mix, how many more of its kind come after it in that round. */
    private final int[] laterOfItsKind;
    /** The templates of each kind of venue drawn so far in the first round. */
    private final Map<Profile, Set<Integer>> drawn = new IdentityHashMap<>();

    SampleGenerator(long seed, Campaign campaign) {
        this(seed, campaign, Mode.EVERY_CODE);
    }

    SampleGenerator(long seed, Campaign campaign, Mode mode) {
        this.random = new Random(seed);
        this.campaign = campaign;
        this.mode = mode;
        this.busy = campaign.calendar().keyPeriods().stream()
                .map(k -> new LocalDate[] {k.warningFrom(), k.raisedTo()}).toList();
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
        this.laterOfItsKind = new int[list.size()];
        Map<Profile, Integer> seen = new IdentityHashMap<>();
        for (int i = list.size() - 1; i >= 0; i--) {
            laterOfItsKind[i] = seen.merge(list.get(i), 1, Integer::sum) - 1;
        }
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
                venue(g, String.format("WZ-%0" + width + "d", i), mix.get((i - 1) % mix.size()),
                        i <= mix.size() ? laterOfItsKind[i - 1] : Integer.MAX_VALUE);
            }
            out.write(line.toString());
            out.write('\n');
        }
        out.flush();
    }

    /** How many of the last venues of a kind share the templates chance left out of the earlier ones. */
    private static final int CATCH_UP = 3;

    /**
     * Writes one venue. The last {@link #CATCH_UP} venues of its kind in the first round draw the
     * templates chance left out of that kind's earlier venues (where the venue allows them), a share
     * each and the rest at the very last, so that the first {@code mix.size()} venues show every finding
     * the templates know, whatever the chances.
     *
     * @param later how many more venues of this kind come after this one in the first round
     */
    private void venue(JsonGenerator g, String id, Profile p, int later) throws IOException {
        String street = pick(STREETS.toArray(String[]::new));
        int floors = size(p.floors()[0], p.floors()[1]);
        double height = Math.round(floors * p.storey() * 10) / 10.0;
        int occupants = roundTo(size(p.occupants()[0], p.occupants()[1]), 5);
        String gas = gas(p);
        boolean underground = random.nextDouble() < p.underground();
        LocalDate date = inspectionDate();
        double state = random.nextDouble();
        String status = state < 0.02 ? "SUSPENDED" : state < 0.03 ? "CLOSED" : "OPERATING";
        g.writeStartObject();
        g.writeStringField("id", id);
        String name = name(p);
        boolean own = name.startsWith("@");
        g.writeStringField("name", own ? name.substring(1) : name);
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
        if (own) {
            g.writeBooleanField("ownedByAuthority", true);
        }
        if (p.uses().length > 0 && random.nextDouble() < 1 / 3.0) {
            writeCodes(g, "uses", p.uses());
        }
        if (p.classes().length > 0) {
            writeCodes(g, "placeClasses", p.classes());
        }
        boolean highRise = campaign.highRise().isHighRise(campaign.venueKinds().get(p.kind()).building(), height, floors);
        List<Template> found = new ArrayList<>();
        Set<Integer> drawnBefore = drawn.computeIfAbsent(p, k -> new HashSet<>());
        for (int k = 0; k < p.findings().size(); k++) {
            Template t = p.findings().get(k);
            if (!campaign.hazards().containsKey(t.code())) {
                skipped.add("hazard " + t.code());
                continue;
            }
            if (t.need().met(gas, highRise)
                    && (random.nextDouble() < mode.chance(t, campaign.hazards().get(t.code()), campaign)
                            || (mode == Mode.EVERY_CODE && later < CATCH_UP && !drawnBefore.contains(k)
                                    && (later == 0 || k % CATCH_UP == later)))) {
                found.add(t);
                drawnBefore.add(k);
            }
        }
        if (!found.isEmpty() && random.nextDouble() < 0.01) {
            g.writeBooleanField("judgedNotMajor", true);
        }
        g.writeArrayFieldStart("findings");
        int n = 0;
        for (Template t : found) {
            finding(g, "F" + (++n), t, date, p.kind().equals("RESIDENTIAL"));
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void finding(JsonGenerator g, String id, Template t, LocalDate date, boolean homes) throws IOException {
        HazardType type = campaign.hazards().get(t.code());
        LocalDate foundOn = date.minusDays(random.nextDouble() < 0.5 ? 0 : between(1, 75));
        double s = random.nextDouble();
        String status = s < 0.5 ? "OPEN" : s < 0.65 ? "IN_PROGRESS" : s < 0.8 ? "RECTIFIED" : s < 0.9 ? "VERIFIED"
                : type.correctableOnSpot() ? "CORRECTED_ON_SPOT" : "OPEN";
        if (foundOn.equals(date) && (status.equals("RECTIFIED") || status.equals("VERIFIED"))) {
            status = "OPEN";
        }
        int times = random.nextDouble() < (t.recurs() ? 0.5 : 0.8) ? 1 : random.nextDouble() < (t.recurs() ? 0.5 : 0.75) ? 2 : 3;
        // Who is responsible, for 消防法 第六十条: in homes often a resident, elsewhere the unit; sometimes not yet known.
        double who = random.nextDouble();
        String party = homes ? (who < 0.45 ? "INDIVIDUAL" : who < 0.7 ? "UNIT" : "UNKNOWN")
                : (who < 0.7 ? "UNIT" : who < 0.75 ? "INDIVIDUAL" : "UNKNOWN");
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("code", t.code());
        g.writeStringField("location", pick(t.locations()));
        if (t.area() != null) {
            g.writeStringField("area", t.area());
        }
        if (t.ratio() != null) {
            g.writeNumberField("ratio", Math.round((t.ratio()[0] + random.nextDouble() * (t.ratio()[1] - t.ratio()[0])) * 100) / 100.0);
        }
        if (!status.equals("OPEN")) {
            g.writeStringField("status", status);
        }
        if (!foundOn.equals(date)) {
            g.writeStringField("foundOn", foundOn.toString());
        }
        if (!party.equals("UNKNOWN")) {
            g.writeStringField("party", party);
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

    private static void writeCodes(JsonGenerator g, String field, String[] codes) throws IOException {
        g.writeArrayFieldStart(field);
        for (String code : codes) {
            g.writeString(code);
        }
        g.writeEndArray();
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
            LocalDate[] span = busy.get(random.nextInt(busy.size()));
            return span[0].plusDays(random.nextInt((int) (span[1].toEpochDay() - span[0].toEpochDay()) + 1));
        }
        return FIRST.plusDays(random.nextInt((int) (LAST.toEpochDay() - FIRST.toEpochDay()) + 1));
    }

    /**
     * A size between the bounds: uniform in the every-code sample; in the realistic one log-uniform, so
     * that small places are the many and big ones the few (the median is the bounds' geometric mean).
     */
    private int size(int low, int high) {
        if (mode == Mode.EVERY_CODE) {
            return between(low, high);
        }
        return (int) Math.round(Math.exp(Math.log(low) + random.nextDouble() * (Math.log(high) - Math.log(low))));
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
        Mode mode = Mode.EVERY_CODE;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--realistic" -> mode = Mode.REALISTIC;
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--campaign" -> campaignId = args[++i];
                default -> {
                    System.err.println("usage: SampleGenerator [--realistic] [--count N] [--seed S] [--campaign ID] [--out FILE]");
                    System.exit(2);
                }
            }
        }
        try (RiskEngine engine = RiskEngine.builder().campaign(campaignId).build()) {
            SampleGenerator generator = new SampleGenerator(seed, engine.campaign(), mode);
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
