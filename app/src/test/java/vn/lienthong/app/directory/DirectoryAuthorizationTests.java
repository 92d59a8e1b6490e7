package vn.lienthong.app.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.lienthong.app.support.Users;
import vn.lienthong.app.support.WebTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every page and API endpoint of the directory, tried as each role. Pages send the anonymous visitor to the login,
 * the API answers 401; administration is 403 for an official and for a unit administrator outside their subtree;
 * a refusal never carries the data asked for. Changes are only tried where they must be refused, so the demo
 * directory stays as it is.
 */
class DirectoryAuthorizationTests extends WebTestSupport {

    /** What a refusal about Huyện Đông Hải must not show. */
    private static final List<String> DONG_HAI_DATA = List.of("BL-DH", "khanh.to", "Tô Quốc Khánh", "donghai.baclieu");

    private enum Kind { PAGE, API }

    private record Endpoint(Kind kind, HttpMethod method, String path, String body) {

        static Endpoint page(String path) {
            return new Endpoint(Kind.PAGE, HttpMethod.GET, path, null);
        }

        static Endpoint pagePost(String path, String form) {
            return new Endpoint(Kind.PAGE, HttpMethod.POST, path, form);
        }

        static Endpoint api(String path) {
            return new Endpoint(Kind.API, HttpMethod.GET, path, null);
        }

        static Endpoint apiWrite(HttpMethod method, String path, String json) {
            return new Endpoint(Kind.API, method, path, json);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @TestFactory
    Stream<DynamicTest> readingTheDirectoryNeedsASignedInOfficial() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : readEndpoints()) {
            tests.add(DynamicTest.dynamicTest("anonymous " + endpoint, () -> expectUnauthenticated(endpoint)));
            for (Users user : List.of(Users.OFFICIAL, Users.UNIT_ADMIN_VINH_LOI, Users.SYSTEM_ADMIN)) {
                tests.add(DynamicTest.dynamicTest(user + " " + endpoint, () -> expectStatus(endpoint, user, 200)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> administeringDongHaiIsForItsAdministratorsOnly() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : dongHaiAdministration()) {
            tests.add(DynamicTest.dynamicTest("anonymous " + endpoint, () -> expectUnauthenticated(endpoint)));
            tests.add(DynamicTest.dynamicTest("official " + endpoint, () -> expectForbidden(endpoint, Users.OFFICIAL)));
            tests.add(DynamicTest.dynamicTest("unit admin of Vĩnh Lợi " + endpoint,
                    () -> expectForbidden(endpoint, Users.UNIT_ADMIN_VINH_LOI)));
            if (endpoint.method() == HttpMethod.GET) {
                tests.add(DynamicTest.dynamicTest("system admin " + endpoint,
                        () -> expectStatus(endpoint, Users.SYSTEM_ADMIN, 200)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> unitAdministratorAdministersTheirOwnDistrict() {
        long vinhLoi = unit("BL-VL").id();
        long commune = unit("BL-VL-CT").id();
        long official = official("binh.tran").id();
        return Stream.of("/admin", "/admin/import", "/admin/units/" + vinhLoi, "/admin/units/" + commune + "/edit",
                        "/admin/units/" + commune + "/move", "/admin/units/new?parent=" + vinhLoi,
                        "/admin/officials/" + official, "/admin/officials/new?unit=" + commune,
                        "/admin/officials/" + official + "/password")
                .map(Endpoint::page)
                .map(endpoint -> DynamicTest.dynamicTest("unit admin of Vĩnh Lợi " + endpoint,
                        () -> expectStatus(endpoint, Users.UNIT_ADMIN_VINH_LOI, 200)));
    }

    private List<Endpoint> readEndpoints() {
        long province = unit("BL").id();
        long dongHai = unit("BL-DH").id();
        long official = official("khanh.to").id();
        return List.of(
                Endpoint.page("/"),
                Endpoint.page("/directory"),
                Endpoint.page("/directory/units/" + province),
                Endpoint.page("/directory/units/" + dongHai),
                Endpoint.page("/directory/officials/" + official),
                Endpoint.page("/directory/search?q=khanh"),
                Endpoint.page("/mail"),
                Endpoint.page("/meetings"),
                Endpoint.page("/chat"),
                Endpoint.page("/search?q=khanh"),
                Endpoint.api("/api/v1/units"),
                Endpoint.api("/api/v1/units?view=tree"),
                Endpoint.api("/api/v1/units/" + dongHai),
                Endpoint.api("/api/v1/units/" + dongHai + "/officials"),
                Endpoint.api("/api/v1/officials?q=khanh"),
                Endpoint.api("/api/v1/officials/" + official));
    }

    private List<Endpoint> dongHaiAdministration() {
        long dongHai = unit("BL-DH").id();
        long commune = unit("BL-DH-GH").id();
        long province = unit("BL").id();
        long official = official("khanh.to").id();
        String unitJson = """
                {"code":"BL-DH-ZZ","name":"Xã Thử","level":"COMMUNE","parentId":%d}""".formatted(dongHai);
        String officialJson = """
                {"username":"thu.zz","fullName":"Nguyễn Thử","title":"","unitId":%d,"roles":["OFFICIAL"]}"""
                .formatted(dongHai);
        return List.of(
                Endpoint.page("/admin/units/" + dongHai),
                Endpoint.page("/admin/units/" + dongHai + "/edit"),
                Endpoint.page("/admin/units/" + dongHai + "/rename"),
                Endpoint.page("/admin/units/" + dongHai + "/move"),
                Endpoint.page("/admin/units/" + dongHai + "/merge"),
                Endpoint.page("/admin/units/" + commune + "/merge?target=" + dongHai),
                Endpoint.page("/admin/units/" + dongHai + "/deactivate"),
                Endpoint.page("/admin/units/new?parent=" + dongHai),
                Endpoint.page("/admin/officials/" + official),
                Endpoint.page("/admin/officials/" + official + "/move"),
                Endpoint.page("/admin/officials/" + official + "/password"),
                Endpoint.page("/admin/officials/new?unit=" + dongHai),
                Endpoint.pagePost("/admin/units/new", "code=BL-DH-ZZ&name=X%C3%A3+Th%E1%BB%AD&level=COMMUNE&parentId=" + dongHai),
                Endpoint.pagePost("/admin/units/" + dongHai + "/edit", "code=BL-DH&name=Huy%E1%BB%87n+Kh%C3%A1c&level=DISTRICT"),
                Endpoint.pagePost("/admin/units/" + dongHai + "/rename", "name=Huy%E1%BB%87n+Kh%C3%A1c"),
                Endpoint.pagePost("/admin/units/" + commune + "/move", "parentId=" + province),
                Endpoint.pagePost("/admin/units/" + commune + "/merge", "targetId=" + dongHai),
                Endpoint.pagePost("/admin/units/" + commune + "/deactivate", ""),
                Endpoint.pagePost("/admin/officials/new", "username=thu.zz&fullName=Nguy%E1%BB%85n+Th%E1%BB%AD&unitId=" + dongHai),
                Endpoint.pagePost("/admin/officials/" + official, "username=khanh.to&fullName=T%C3%B4+Kh%C3%A1c"),
                Endpoint.pagePost("/admin/officials/" + official + "/move", "unitId=" + province),
                Endpoint.pagePost("/admin/officials/" + official + "/deactivate", ""),
                Endpoint.pagePost("/admin/officials/" + official + "/reactivate", ""),
                Endpoint.pagePost("/admin/officials/" + official + "/password", "password=secret-12345&confirmation=secret-12345"),
                Endpoint.apiWrite(HttpMethod.POST, "/api/v1/units", unitJson),
                Endpoint.apiWrite(HttpMethod.PUT, "/api/v1/units/" + dongHai,
                        "{\"code\":\"BL-DH\",\"name\":\"Huyện Khác\",\"level\":\"DISTRICT\"}"),
                Endpoint.apiWrite(HttpMethod.POST, "/api/v1/officials", officialJson),
                Endpoint.apiWrite(HttpMethod.PUT, "/api/v1/officials/" + official,
                        "{\"username\":\"khanh.to\",\"fullName\":\"Tô Khác\",\"roles\":[\"OFFICIAL\"]}"));
    }

    private void expectUnauthenticated(Endpoint endpoint) throws Exception {
        MockHttpServletResponse response = perform(endpoint, Users.ANONYMOUS);
        if (endpoint.kind() == Kind.API) {
            assertThat(response.getStatus()).as(endpoint.toString()).isEqualTo(401);
        }
        else {
            assertThat(response.getStatus()).as(endpoint.toString()).isEqualTo(302);
            assertThat(response.getRedirectedUrl()).as(endpoint.toString()).contains("/oauth2/authorization/");
        }
        assertNoData(endpoint, response);
    }

    private void expectForbidden(Endpoint endpoint, Users user) throws Exception {
        MockHttpServletResponse response = perform(endpoint, user);
        assertThat(response.getStatus()).as(user + " " + endpoint).isEqualTo(403);
        assertNoData(endpoint, response);
    }

    private void expectStatus(Endpoint endpoint, Users user, int status) throws Exception {
        assertThat(perform(endpoint, user).getStatus()).as(user + " " + endpoint).isEqualTo(status);
    }

    private static void assertNoData(Endpoint endpoint, MockHttpServletResponse response) throws Exception {
        String body = response.getContentAsString();
        for (String data : DONG_HAI_DATA) {
            assertThat(body).as("refusal of " + endpoint + " shows no data").doesNotContain(data);
        }
        assertThat(body).as("no stack trace").doesNotContain("Exception", "\tat ");
    }

    private MockHttpServletResponse perform(Endpoint endpoint, Users user) throws Exception {
        MockHttpServletRequestBuilder request = request(endpoint.method(), endpoint.path());
        if (endpoint.body() != null) {
            request.with(csrf());
            if (endpoint.kind() == Kind.API) {
                request.contentType(MediaType.APPLICATION_JSON).content(endpoint.body());
            }
            else {
                request.contentType(MediaType.APPLICATION_FORM_URLENCODED).content(endpoint.body());
            }
        }
        if (endpoint.kind() == Kind.PAGE) {
            // As a browser asks: with text/html an anonymous visitor is sent to the login, not given a bare 401.
            request.accept(MediaType.TEXT_HTML, MediaType.ALL);
        }
        request.with(endpoint.kind() == Kind.API ? user.bearer() : user.session());
        return mvc.perform(request).andReturn().getResponse();
    }

    @TestFactory
    Stream<DynamicTest> importingIsForAdministratorsOnly() {
        String csv = "code,name,level,parent_code,mail_domain,mail_local_part\nBL-DH-YY,Xã Thử,COMMUNE,BL-DH,,\n";
        return Stream.of(Users.ANONYMOUS, Users.OFFICIAL, Users.UNIT_ADMIN_VINH_LOI).flatMap(user -> Stream.of(
                DynamicTest.dynamicTest(user + " imports through the page", () -> {
                    MockHttpServletResponse response = mvc.perform(multipart("/admin/import")
                            .file(new MockMultipartFile("file", "units.csv", "text/csv", csv.getBytes()))
                            .param("kind", "UNITS").accept(MediaType.TEXT_HTML).with(csrf()).with(user.session()))
                            .andReturn().getResponse();
                    // A unit administrator may import, but a line outside their subtree is a bad line.
                    assertThat(response.getStatus()).isEqualTo(switch (user) {
                        case ANONYMOUS -> 302;
                        case UNIT_ADMIN_VINH_LOI -> 200;
                        default -> 403;
                    });
                    assertThat(directory.findUnitByCode("BL-DH-YY")).isEmpty();
                }),
                DynamicTest.dynamicTest(user + " imports through the API", () -> {
                    MockHttpServletResponse response = mvc.perform(multipart("/api/v1/admin/import")
                            .file(new MockMultipartFile("file", "units.csv", "text/csv", csv.getBytes()))
                            .param("kind", "UNITS").with(csrf()).with(user.bearer())).andReturn().getResponse();
                    assertThat(response.getStatus()).isEqualTo(switch (user) {
                        case ANONYMOUS -> 401;
                        case UNIT_ADMIN_VINH_LOI -> 400;
                        default -> 403;
                    });
                    assertThat(directory.findUnitByCode("BL-DH-YY")).isEmpty();
                })));
    }
}
