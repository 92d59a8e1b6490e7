package vn.lienthong.directory.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Settings of the directory internals. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ DemoSettings.class, ImportSettings.class, BootstrapSettings.class })
class DirectoryConfiguration {
}
