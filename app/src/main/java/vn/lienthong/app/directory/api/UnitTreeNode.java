package vn.lienthong.app.directory.api;

import java.util.List;

import vn.lienthong.app.directory.UnitNode;
import vn.lienthong.directory.UnitLevel;

/** A unit in the API's tree view, with its children. */
record UnitTreeNode(long id, String code, String name, UnitLevel level, Long parentId, boolean active,
                    List<UnitTreeNode> children) {

    static UnitTreeNode of(UnitNode node) {
        return new UnitTreeNode(node.unit().id(), node.unit().code(), node.unit().name(), node.unit().level(),
                node.unit().parentId(), node.unit().active(),
                node.children().stream().map(UnitTreeNode::of).toList());
    }
}
