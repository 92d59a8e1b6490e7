package vn.lienthong.app.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.lienthong.directory.Unit;

/**
 * A unit with its children, for showing a tree.
 *
 * @param unit     the unit
 * @param children its children among the units the tree was built from, in their given order
 */
public record UnitNode(Unit unit, List<UnitNode> children) {

    /**
     * Builds trees from units in tree order (parents before children, as {@code Directory.subtree} gives them).
     * A unit whose parent is not among them is a root of its own tree.
     */
    public static List<UnitNode> treesOf(List<Unit> units) {
        Map<Long, List<UnitNode>> childrenById = new LinkedHashMap<>();
        List<UnitNode> roots = new ArrayList<>();
        for (Unit unit : units) {
            List<UnitNode> children = new ArrayList<>();
            childrenById.put(unit.id(), children);
            UnitNode node = new UnitNode(unit, children);
            List<UnitNode> siblings = unit.parentId() == null ? null : childrenById.get(unit.parentId());
            (siblings == null ? roots : siblings).add(node);
        }
        return roots;
    }

    public boolean hasChildren() {
        return !children.isEmpty();
    }
}
