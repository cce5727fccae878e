package cn.onego;

import java.util.List;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import cn.onego.identity.StaffScopes;

/**
 * For a module test that bootstraps {@code identity} without {@code cases}: identity declares {@link StaffScopes}
 * and cannot start without an answer, which {@code cases} gives in the application (it knows the halls). Here every
 * scope exists.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EveryStaffScopeExists {

	@Bean
	StaffScopes everyScopeExists() {
		return (region, hall, department) -> List.of();
	}
}
