package cn.onego;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * OneGo — 一件事一次办: a citizen or an enterprise applies once for a matter that spans several
 * departments. The Boot class is named after the system so that "application" stays free for the
 * applicant's application.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared", systemName = "OneGo")
public class OneGo {

	public static void main(String[] args) {
		SpringApplication.run(OneGo.class, args);
	}
}
