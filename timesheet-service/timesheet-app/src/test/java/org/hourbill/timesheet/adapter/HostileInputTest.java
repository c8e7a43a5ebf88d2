package org.hourbill.timesheet.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hourbill.testsupport.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

/** Input and races that once reached a 500: each is a client's problem, answered 400 or 409 problem+json naming the field. */
@ServiceTest
class HostileInputTest {
    @Autowired
    MockMvc http;

    String suffix;
    String customerId;

    @BeforeEach
    void customer() throws Exception {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        customerId = id(send(post("/customers"), customer("Northwind " + suffix)).andExpect(status().isCreated()));
    }

    @Test
    void numbers_beyond_what_is_stored_are_refused_naming_the_field() throws Exception {
        String projectId = id(send(post("/projects"), """
                {"customerId":"%s","code":"BIG-%s","name":"Big","billingType":"TIME_AND_MATERIALS"}""".formatted(customerId, suffix)));
        send(put("/projects/" + projectId + "/rates/Senior"), """
                {"rate":10000000000000}""").andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON)).andExpect(jsonPath("$.errors[0].field").value("rate"));
        send(post("/resources"), """
                {"name":"Ada","role":"Senior","defaultRate":1e300}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("defaultRate"));
        send(post("/resources"), """
                {"name":"Ada","role":"Senior","defaultRate":120.123456}""").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("defaultRate"));
    }

    @Test
    void a_work_date_outside_the_plausible_window_is_refused_naming_the_field() throws Exception {
        String projectId = id(send(post("/projects"), """
                {"customerId":"%s","code":"OLD-%s","name":"Old","billingType":"TIME_AND_MATERIALS"}""".formatted(customerId, suffix)));
        String resourceId = id(send(post("/resources"), """
                {"name":"Ada","role":"Senior","defaultRate":120}"""));
        for (String date : List.of("1900-01-01", "9999-12-31")) {
            send(post("/time-entries"), """
                    {"projectId":"%s","resourceId":"%s","date":"%s","hours":2,"task":"Migration"}""".formatted(projectId, resourceId, date))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("date"));
        }
    }

    @Test
    void control_characters_are_refused_naming_the_field() throws Exception {
        send(post("/customers"), customer("A\\u0000B")).andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("control character")));
        // line breaks and tabs are text a person types, and so is every script
        send(post("/customers"), customer("Müller & Søn — 株式会社\\tΑθήνα\\nМосква " + suffix)).andExpect(status().isCreated());
    }

    @Test
    void concurrent_changes_of_one_customer_answer_only_200_or_409() throws Exception {
        List<Integer> statuses = concurrently(6, i -> send(put("/customers/" + customerId), customer("Northwind " + suffix + " v" + i)));
        assertThat(statuses).containsAnyOf(200).allMatch(s -> s == 200 || s == 409);
    }

    @Test
    void concurrent_projects_with_one_code_give_one_project_and_409_naming_the_code() throws Exception {
        String body = """
                {"customerId":"%s","code":"RACE-%s","name":"Race","billingType":"TIME_AND_MATERIALS"}""".formatted(customerId, suffix);
        List<Integer> statuses = concurrently(6, i -> send(post("/projects"), body));
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).allMatch(s -> s == 201 || s == 409 || s == 400);
        send(post("/projects"), body).andExpect(status().is4xxClientError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON)).andExpect(jsonPath("$.errors[0].field").value("code"));
    }

    @Test
    void an_unsupported_media_type_is_a_problem_with_a_correlation_id() throws Exception {
        http.perform(post("/customers").contentType(MediaType.TEXT_PLAIN).content("name=x")).andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.correlationId").isNotEmpty());
    }

    private interface Call {
        ResultActions send(int i) throws Exception;
    }

    private static List<Integer> concurrently(int n, Call call) throws Exception {
        try (var pool = Executors.newFixedThreadPool(n)) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                answers.add(pool.submit((Callable<Integer>) () -> call.send(index).andReturn().getResponse().getStatus()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> a : answers) statuses.add(a.get());
            return statuses;
        }
    }

    private static String customer(String name) {
        return """
                {"name":"%s","address":"Hafenstrasse 12, Hamburg","taxId":"DE123","taxRate":19,"currency":"EUR","paymentTermsDays":30}
                """.formatted(name);
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String body) throws Exception {
        return http.perform(request.contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static String id(ResultActions result) throws Exception {
        return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id");
    }
}
