package vn.lienthong.directory.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.event.RecordApplicationEvents;

import vn.lienthong.directory.testsupport.PostgresContextInitializer;

/** The directory internals on a real PostgreSQL server (see {@link vn.lienthong.directory.testsupport.LocalPostgres}). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = DirectoryTestConfiguration.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = { DirectoryTestProperties.MAX_SIZE, DirectoryTestProperties.MAX_ROWS })
@ContextConfiguration(initializers = PostgresContextInitializer.class)
@RecordApplicationEvents
@interface OnPostgres {
}
