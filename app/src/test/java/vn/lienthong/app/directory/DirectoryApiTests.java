package vn.lienthong.app.directory;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

import vn.lienthong.app.support.Users;
import vn.lienthong.app.support.WebTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The directory's REST API: JSON for readers, changes for administrators, errors as RFC 7807 problems. */
class DirectoryApiTests extends WebTestSupport {

    @Test
    void listsUnitsFlatAndAsATree() throws Exception {
        mvc.perform(get("/api/v1/units").with(Users.OFFICIAL.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("BL"))
                .andExpect(jsonPath("$[*].code", hasItem("BL-VL-CT")));
        mvc.perform(get("/api/v1/units").param("view", "tree").with(Users.OFFICIAL.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].name").value("Tỉnh Bạc Liêu"))
                .andExpect(jsonPath("$[0].children[*].code", hasItem("BL-VL")));
    }

    @Test
    void findsOfficialsWithoutToneMarksAndHidesRolesFromReaders() throws Exception {
        mvc.perform(get("/api/v1/officials").param("q", "nguyen van an").with(Users.OFFICIAL.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].fullName").value("Nguyễn Văn An"))
                .andExpect(jsonPath("$[0].unitName").value("Văn phòng UBND tỉnh"))
                .andExpect(jsonPath("$[0].roles").doesNotExist());
        long id = official("an.nguyen").id();
        mvc.perform(get("/api/v1/officials/" + id).with(Users.SYSTEM_ADMIN.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles", hasItem("official")));
    }

    @Test
    void listsAUnitsOfficialsInVietnameseOrder() throws Exception {
        long office = unit("BL-VP").id();
        // By given name: An (Nguyễn Văn An) before Hồng (Võ Thị Hồng).
        String body = mvc.perform(get("/api/v1/units/" + office + "/officials").with(Users.OFFICIAL.session()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body.indexOf("Nguyễn Văn An")).isPositive().isLessThan(body.indexOf("Võ Thị Hồng"));
    }

    @Test
    void unknownIdIsA404Problem() throws Exception {
        mvc.perform(get("/api/v1/units/987654").with(Users.OFFICIAL.bearer()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("Không tìm thấy"));
        mvc.perform(get("/api/v1/officials/987654").with(Users.OFFICIAL.bearer()))
                .andExpect(status().isNotFound());
    }

    @Test
    void administratorCreatesAndRenamesAUnit() throws Exception {
        long phuocLong = unit("BL-PL").id();
        mvc.perform(post("/api/v1/units").with(Users.SYSTEM_ADMIN.bearer()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"BL-PL-API","name":"Xã Phước Long Mới","level":"COMMUNE","parentId":%d}"""
                                .formatted(phuocLong)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/units/")))
                .andExpect(jsonPath("$.code").value("BL-PL-API"));
        long id = unit("BL-PL-API").id();

        mvc.perform(put("/api/v1/units/" + id).with(Users.SYSTEM_ADMIN.bearer()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"BL-PL-API","name":"Xã Phước Long Hai","level":"COMMUNE"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Xã Phước Long Hai"))
                .andExpect(jsonPath("$.formerNames", hasItem("Xã Phước Long Mới")));
    }

    @Test
    void duplicateCodeIsA400ProblemNamingTheField() throws Exception {
        long phuocLong = unit("BL-PL").id();
        mvc.perform(post("/api/v1/units").with(Users.SYSTEM_ADMIN.bearer()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"BL-VL","name":"Huyện Trùng","level":"DISTRICT","parentId":%d}"""
                                .formatted(phuocLong)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("code"))
                .andExpect(jsonPath("$.detail").isNotEmpty())
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void malformedJsonIsA400ProblemWithoutInternals() throws Exception {
        mvc.perform(post("/api/v1/units").with(Users.SYSTEM_ADMIN.bearer()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(content().string(not(containsString("jackson"))));
    }

    @Test
    void importWithABadLineIsA400ProblemListingItAndImportsNothing() throws Exception {
        String csv = """
                code,name,level,parent_code,mail_domain,mail_local_part
                BL-HD-API1,Xã Một,COMMUNE,BL-HD,,
                BL-HD-API2,Xã Hai,KHONG-CO-CAP,BL-HD,,
                """;
        mvc.perform(multipart("/api/v1/admin/import")
                        .file(new MockMultipartFile("file", "units.csv", "text/csv", csv.getBytes()))
                        .param("kind", "UNITS").with(Users.SYSTEM_ADMIN.bearer()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.imported").value(0))
                .andExpect(jsonPath("$.errors[0].line").value(3));
        assertThat(directory.findUnitByCode("BL-HD-API1")).isEmpty();
    }

    @Test
    void importOfGoodLinesReportsTheCount() throws Exception {
        String csv = "\uFEFFcode,name,level,parent_code,mail_domain,mail_local_part\n"
                + "BL-HD-API3,Xã Ba,COMMUNE,BL-HD,,\n";
        mvc.perform(multipart("/api/v1/admin/import")
                        .file(new MockMultipartFile("file", "units.csv", "text/csv",
                                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .param("kind", "UNITS").with(Users.SYSTEM_ADMIN.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(1));
        assertThat(directory.findUnitByCode("BL-HD-API3")).isPresent();
    }
}
