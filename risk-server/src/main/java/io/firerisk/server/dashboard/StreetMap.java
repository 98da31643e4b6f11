package io.firerisk.server.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * The schematic map of the district's streets (挂图): one tile per street, drawn as SVG by the page's
 * template from these numbers (no map tiles, nothing from the internet), coloured by what needs
 * attention first: open hazards at red venues, then overdue ones. The ledger's areas carry no
 * geography, so the tiles stand in a grid in street-code order; a campaign that wants its streets
 * where they lie would give their places in its data.
 *
 * @param width  the drawing's width in SVG units
 * @param height its height
 * @param tiles  the streets
 */
public record StreetMap(int width, int height, List<Tile> tiles) {

    static final int COLUMNS = 2;
    static final int TILE_W = 300;
    static final int TILE_H = 120;
    static final int GAP = 12;

    public StreetMap {
        tiles = List.copyOf(tiles);
    }

    /**
     * A street's tile.
     *
     * @param x      left edge
     * @param y      top edge
     * @param status {@code major} (open hazards at red venues), {@code overdue}, {@code clear} (open
     *               hazards, none overdue or major) or {@code none} (no open hazard)
     */
    public record Tile(String code, String name, int x, int y, int w, int h, String status, long open, long overdue,
            long openMajor) {}

    /** The map of the dashboard's streets (a venue under no street has no tile). */
    public static StreetMap of(List<Dashboard.Area> streets) {
        List<Dashboard.Area> sorted = streets.stream().filter(a -> !a.key().isEmpty())
                .sorted(java.util.Comparator.comparing(Dashboard.Area::key)).toList();
        List<Tile> tiles = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Dashboard.Area a = sorted.get(i);
            int x = GAP + (i % COLUMNS) * (TILE_W + GAP);
            int y = GAP + (i / COLUMNS) * (TILE_H + GAP);
            String status = a.openMajor() > 0 ? "major" : a.overdue() > 0 ? "overdue" : a.open() > 0 ? "clear" : "none";
            tiles.add(new Tile(a.key(), a.name(), x, y, TILE_W, TILE_H, status, a.open(), a.overdue(), a.openMajor()));
        }
        int rows = (sorted.size() + COLUMNS - 1) / COLUMNS;
        return new StreetMap(GAP + COLUMNS * (TILE_W + GAP), GAP + Math.max(rows, 1) * (TILE_H + GAP), tiles);
    }
}
