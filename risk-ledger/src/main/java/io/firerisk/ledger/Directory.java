package io.firerisk.ledger;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The people and places the campaign works with, as registered in the ledger: the 网格 area tree,
 * the units and their people.
 */
public record Directory(Map<String, Area> areas, Map<String, Unit> units, Map<String, Person> people) {

    public Directory {
        areas = Map.copyOf(areas);
        units = Map.copyOf(units);
        people = Map.copyOf(people);
    }

    /** An area of the tree; {@code parent} is empty for a district. */
    public record Area(String code, AreaLevel level, String name, Optional<String> parent) {}

    /** A unit; {@code parent} is the unit it answers to, if any. */
    public record Unit(String unitId, String name, UnitKind kind, Optional<String> parent) {}

    /** A person of a unit with their roles. */
    public record Person(String personId, String name, String unitId, Set<Role> roles) {
        public Person {
            roles = Set.copyOf(roles);
        }
    }

    /** The people of a unit, by id. */
    public List<Person> peopleOf(String unitId) {
        return people.values().stream().filter(p -> p.unitId().equals(unitId))
                .sorted(java.util.Comparator.comparing(Person::personId)).toList();
    }

    /** The area and its ancestors, from the area itself up to the district. */
    public List<Area> path(String code) {
        List<Area> path = new java.util.ArrayList<>();
        Area a = areas.get(code);
        while (a != null && path.size() < AreaLevel.values().length) {
            path.add(a);
            a = a.parent().map(areas::get).orElse(null);
        }
        return List.copyOf(path);
    }
}
