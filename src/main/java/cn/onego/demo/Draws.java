package cn.onego.demo;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.UUID;

/** What a generated case draws from its own seeded random: numbers, weighted choices, names and ids. */
final class Draws {

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢";
	private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅建国文辉鹏飞宇浩然子涵欣怡思远湘岳衡";

	private final SplittableRandom random;

	Draws(SplittableRandom random) {
		this.random = random;
	}

	int nextInt(int bound) {
		return random.nextInt(bound);
	}

	long nextLong(long bound) {
		return random.nextLong(bound);
	}

	/** A person's name: a surname and one or two given characters. */
	String name() {
		return "" + SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()))
				+ (random.nextBoolean() ? "" + GIVEN.charAt(random.nextInt(GIVEN.length())) : "");
	}

	/** An index drawn with the given weights. */
	int weighted(int[] weights) {
		int r = random.nextInt(Arrays.stream(weights).sum());
		for (int i = 0; i < weights.length; i++) {
			r -= weights[i];
			if (r < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	/** A version-4 UUID from this random, so the data set is reproducible. */
	UUID uuid() {
		long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
		long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(hi, lo);
	}

	/** The first index whose cumulative weight exceeds r (binary search). */
	static int pick(int[] cumulative, int r) {
		int lo = 0;
		int hi = cumulative.length - 1;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (cumulative[mid] > r) {
				hi = mid;
			}
			else {
				lo = mid + 1;
			}
		}
		return lo;
	}
}
