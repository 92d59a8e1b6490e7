package vn.lienthong.app.shell;

import org.junit.jupiter.api.Test;

import vn.lienthong.app.support.Users;
import vn.lienthong.app.support.WebTestSupport;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Actuator health covers the suite's database and every outside service, with details for administrators only. */
class HealthTests extends WebTestSupport {

    @Test
    void administratorsSeeTheDatabaseAndTheEmbeddedJamesUp() throws Exception {
        mvc.perform(get("/actuator/health").with(Users.SYSTEM_ADMIN.session()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.mail.status").value("UP"));
    }

    @Test
    void othersSeeOnlyTheOverallStatus() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health").with(Users.OFFICIAL.session()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components").doesNotExist());
    }
}
