package cn.onego.catalog;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.onego.shared.Label;

/**
 * The national "高效办成一件事" key matters (重点事项) as the State Council publishes them, batch by batch
 * (national-key-matters.yaml): each batch's document, date and size, and the names known per batch, each
 * either implemented by a matter of this catalogue or listed as not offered, with the reason. With it the
 * platform can say which national key matters a deployment offers and which it does not.
 */
public record NationalKeyMatters(List<Batch> batches) {

	/** A batch is written year-number: {@code 2024-1} is the first list of 2024. */
	static final Pattern BATCH = Pattern.compile("(20\\d{2})-([1-9])");

	/** A catalogue without the list (the file is optional, e.g. in a city's own catalogue). */
	public static final NationalKeyMatters NONE = new NationalKeyMatters(List.of());

	public NationalKeyMatters {
		batches = List.copyOf(batches);
	}

	/**
	 * One published list. {@code size} is the number of key matters in it; when the size is not printed
	 * anywhere but inferred from running totals, {@code sizeInferred} says so and {@code assumption} how.
	 * {@code named} holds only the names found in public sources, so it may be shorter than {@code size}.
	 */
	public record Batch(String batch, int year, String document, String published, int size, boolean sizeInferred,
			String assumption, List<Named> named) {

		public Batch {
			named = List.copyOf(named);
		}
	}

	/**
	 * A named key matter of a batch, and how this catalogue answers it: a matter implementing it; or a matter
	 * of another batch that covers it ({@code coveredBy}, e.g. a renamed or widened earlier key matter), with
	 * the {@code note} saying why; or the reason it is not offered ({@code notOffered}).
	 */
	public record Named(Label name, String matter, String coveredBy, Label notOffered, String note) {

		/** The matter that offers the key matter here, if any. */
		public Optional<String> offeredBy() {
			return Optional.ofNullable(matter != null ? matter : coveredBy);
		}
	}

	public Optional<Batch> batch(String code) {
		return batches.stream().filter(b -> b.batch().equals(code)).findFirst();
	}

	/** The total size of all batches (55 after the fifth). */
	public int size() {
		return batches.stream().mapToInt(Batch::size).sum();
	}
}
