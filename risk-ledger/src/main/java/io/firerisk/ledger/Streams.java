package io.firerisk.ledger;

/** Stream keys: the kind of thing and its id, so ids of different kinds never collide. */
final class Streams {
    private Streams() {}

    static String hazard(String id) { return "hazard:" + id; }
    static String venue(String id) { return "venue:" + id; }
    static String inspection(String id) { return "inspection:" + id; }
    static String unit(String id) { return "unit:" + id; }
    static String person(String id) { return "person:" + id; }
    static String area(String code) { return "area:" + code; }
    static String plan(String id) { return "plan:" + id; }
    static String education(String id) { return "education:" + id; }
}
