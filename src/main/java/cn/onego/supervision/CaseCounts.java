package cn.onego.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.onego.catalog.CatalogQueries;
import cn.onego.platform.ReadOnlyData;
import cn.onego.shared.RegionCode;

/**
 * The dashboard's case counts — the volumes by day and the 跨域通办 flows by partner region — from the daily case
 * aggregates, apart from the departments' task figures because they read other tables and choose between the rollup
 * and the detailed counts by their own rule.
 */
@Component
class CaseCounts {

	private final ReadOnlyData reads;
	private final CatalogQueries catalog;

	CaseCounts(ReadOnlyData reads, CatalogQueries catalog) {
		this.reads = reads;
		this.catalog = catalog;
	}

	List<Dashboard.Volume> volumes(Dashboard.Filter f) {
		// the case aggregates have no department: a department filter does not narrow the volumes
		Conditions where = Conditions.of(f, true, "region", "hall", null, "matter", "channel");
		return reads.jdbc().sql("SELECT day, sum(submitted), sum(accepted), sum(not_accepted), sum(issued), sum(refused) FROM "
				+ caseCounts(f) + where.sql() + " GROUP BY day ORDER BY day")
			.params(where.params())
			.query((rs, n) -> new Dashboard.Volume(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6)))
			.list();
	}

	/**
	 * The table of case counts to read: without a hall, matter or channel to filter by, the rollup by day, county and
	 * accepting region (V66: ~150 rows a day, however many cases), otherwise the detailed counts; the fold keeps both in
	 * one statement.
	 */
	private static String caseCounts(Dashboard.Filter f) {
		boolean detailed = f.hall() != null || f.matter() != null || f.channel() != null;
		return detailed ? "supervision_case_day" : "supervision_region_day";
	}

	CrossRegionVolumes crossRegion(Dashboard.Filter f, int top) {
		if (f.region() == null) {
			return CrossRegionVolumes.NONE;
		}
		RegionCode own = RegionCode.of(f.region());
		return new CrossRegionVolumes(CrossRegionVolumes.Flow.of(partners(f, own, "accepting_region", "region"), top),
				CrossRegionVolumes.Flow.of(partners(f, own, "region", "accepting_region"), top));
	}

	/**
	 * The cross-region counts whose {@code ownSide} lies in the region and whose {@code partnerSide} outside it, by
	 * partner region; read through the partial indexes of the cross-region rows (V59, V66).
	 */
	private List<CrossRegionVolumes.Partner> partners(Dashboard.Filter f, RegionCode own, String ownSide, String partnerSide) {
		Conditions where = Conditions.of(f, true, null, "hall", null, "matter", "channel");
		List<Object> params = new ArrayList<>(List.of(where.params()));
		params.add(f.regionPattern());
		params.add(f.regionPattern());
		var catalogue = catalog.catalogue();
		return reads.jdbc().sql("SELECT " + partnerSide + ", sum(submitted), sum(accepted), sum(issued) FROM " + caseCounts(f)
				+ where.sql() + " AND accepting_region <> region AND " + ownSide + " LIKE ? AND " + partnerSide + " NOT LIKE ?"
				+ " GROUP BY " + partnerSide)
			.params(params)
			.query((rs, n) -> new CrossRegionVolumes.Partner(rs.getString(1), CrossRegionVolumes.partnerName(catalogue, rs.getString(1), own),
					rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.list();
	}
}
