package cn.onego;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import cn.onego.application.AcceptingHall;
import cn.onego.application.AcceptingHalls;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Matter;
import cn.onego.shared.Label;
import cn.onego.shared.RegionCode;

/**
 * For a module test that bootstraps {@code application} without {@code cases}: application declares
 * {@link AcceptingHalls} and cannot start without an answer, which {@code cases} gives in the application (it keeps the
 * hall directory). Here no hall may be chosen to hand in at, and every region's applications go to its province's hall.
 */
@TestConfiguration(proxyBeanMethods = false)
public class NoHallsToChooseFrom {

	@Bean
	AcceptingHalls noHallsToChooseFrom() {
		return new AcceptingHalls() {

			@Override
			public Optional<AcceptingHall> hall(String code, Matter matter) {
				return Optional.empty();
			}

			@Override
			public List<AcceptingHall> open(Matter matter) {
				return List.of();
			}

			@Override
			public AcceptingHall competent(Catalogue catalogue, Matter matter, RegionCode region) {
				return new AcceptingHall(region.province().value() + "-HALL", Label.of("政务服务中心", "Government Service Centre"),
						Label.of("", null), null, Label.of("", null), region.province(), true);
			}
		};
	}
}
