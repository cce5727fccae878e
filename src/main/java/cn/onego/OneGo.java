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
@Modulithic(sharedModules = { "shared", "platform" }, systemName = "OneGo")
public class OneGo {

	/**
	 * Runs the platform, or with {@code backup <data directory> <backup directory>} or {@code restore <backup directory>
	 * <new data directory>} backs up or restores the embedded database's data directory (see {@code tools/backup}).
	 */
	public static void main(String[] args) {
		if (args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"))) {
			System.exit(cn.onego.platform.Backups.run(args));
		}
		SpringApplication.run(OneGo.class, args);
	}
}
