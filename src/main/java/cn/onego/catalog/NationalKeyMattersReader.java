package cn.onego.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

import cn.onego.catalog.NationalKeyMatters.Batch;
import cn.onego.catalog.NationalKeyMatters.Named;
import cn.onego.shared.Label;

/**
 * Reads national-key-matters.yaml, after the matters: every name links to a matter of the same batch or
 * says why it is not offered, and every matter that claims a national batch is linked from that batch, so
 * the list and the matters cannot tell two different stories.
 */
final class NationalKeyMattersReader {

	private final CatalogueDraft draft;

	NationalKeyMattersReader(CatalogueDraft draft) {
		this.draft = draft;
	}

	NationalKeyMatters read(YamlCursor document) {
		List<Batch> batches = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		Map<String, String> linked = new LinkedHashMap<>(); // matter → batch that names it
		for (YamlCursor at : document.list()) {
			String batch = at.get("batch").text();
			Integer year = at.get("year").integer();
			if (batch != null) {
				Matcher format = NationalKeyMatters.BATCH.matcher(batch);
				if (!format.matches()) {
					at.get("batch").error("批次应写作“年份-序号”，如 2025-1：" + batch, "a batch is written year-number, e.g. 2025-1: " + batch);
					batch = null;
				}
				else if (!codes.add(batch)) {
					at.get("batch").error("批次重复：" + batch, "batch listed twice: " + batch);
					batch = null;
				}
				else if (year == null || !format.group(1).equals(year.toString())) {
					at.get("year").error("年份与批次 " + batch + " 不符", "the year does not match the batch " + batch);
				}
			}
			// the keys, their form and which are required are the schema's (national-key-matters.schema.json)
			String published = at.get("published").text();
			Integer size = at.get("size").integer();
			boolean inferred = at.get("sizeInferred").bool(false);
			String assumption = at.get("assumption").text();
			if (inferred && assumption == null) {
				at.get("assumption").error("推算的事项数须在 assumption 中说明依据", "an inferred size must say in assumption how it was inferred");
			}
			List<Named> named = new ArrayList<>();
			for (YamlCursor entry : at.get("named").list()) {
				Named one = named(entry, batch, linked);
				if (one != null) {
					named.add(one);
				}
			}
			if (size != null && named.size() > size) {
				at.get("named").error("列出的事项多于批次事项数 " + size, "more names than the batch size " + size);
			}
			if (batch != null && year != null && size != null && size > 0 && published != null) {
				batches.add(new Batch(batch, year, at.get("document").text(), published, size, inferred, assumption, named));
			}
		}
		for (Matter matter : draft.matters.values()) {
			String batch = matter.nationalBatch();
			if (batch != null && !batch.equals(linked.get(matter.code()))) {
				document.error("一件事 " + matter.code() + " 标注为国家第 " + batch + " 批重点事项，但该批次清单未列出它",
						"matter " + matter.code() + " claims national batch " + batch + ", but that batch does not name it");
			}
		}
		return new NationalKeyMatters(batches);
	}

	private Named named(YamlCursor entry, String batch, Map<String, String> linked) {
		Label name = entry.get("name").label();
		String matter = entry.get("matter").text();
		String coveredBy = entry.get("coveredBy").text();
		Label notOffered = entry.get("notOffered").label();
		String note = entry.get("note").text();
		int answers = (matter == null ? 0 : 1) + (coveredBy == null ? 0 : 1) + (notOffered == null ? 0 : 1);
		if (answers != 1) {
			entry.error("须且只须给出其一：实现它的一件事（matter）、涵盖它的其他批次一件事（coveredBy）或未提供的原因（notOffered）",
					"give exactly one of: the matter implementing it (matter), a matter of another batch covering it (coveredBy), or why it is not offered (notOffered)");
			return null;
		}
		if (matter != null) {
			Matter implementing = draft.matters.get(matter);
			if (implementing == null) {
				entry.get("matter").error("一件事不存在：" + matter, "unknown matter: " + matter);
				return null;
			}
			if (linked.putIfAbsent(matter, String.valueOf(batch)) != null) {
				entry.get("matter").error("一件事已实现另一重点事项：" + matter, "the matter already implements another key matter: " + matter);
				return null;
			}
			if (batch != null && !batch.equals(implementing.nationalBatch())) {
				entry.get("matter").error("一件事 " + matter + " 的 national.batch 不是 " + batch,
						"the national batch of matter " + matter + " is not " + batch);
			}
		}
		if (coveredBy != null) {
			if (!draft.matters.containsKey(coveredBy)) {
				entry.get("coveredBy").error("一件事不存在：" + coveredBy, "unknown matter: " + coveredBy);
				return null;
			}
			if (note == null) {
				entry.get("note").error("由其他批次的一件事涵盖时须说明理由", "say why a matter of another batch covers it");
			}
		}
		return name == null ? null : new Named(name, matter, coveredBy, notOffered, note);
	}
}
