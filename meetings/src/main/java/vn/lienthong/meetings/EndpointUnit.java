package vn.lienthong.meetings;

import vn.lienthong.directory.UnitLevel;

/** A unit offered as an endpoint by {@link Meetings#endpointCandidates}. */
public record EndpointUnit(long id, String code, String name, UnitLevel level, Long parentId) {
}
