package dev.paykit.spring.boot.it;

import dev.paykit.spring.boot.test.AutoConfigurePaykitSandbox;
import dev.paykit.spring.boot.test.SandboxProvider;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one test configuration of every test class here (so Spring's context cache starts one application, one
 * Tomcat and one sandbox per Boot line): {@link PaykitTestApplication} on a random port, Prompt.Cash and
 * Prunny pointed at the sandbox by paykit's test slice.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = PaykitTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigurePaykitSandbox(providers = {SandboxProvider.PROMPTCASH, SandboxProvider.PRUNNY})
@interface PaykitBootTest {}
