package cn.onego.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The longest chain of durations through a dependency DAG: how long a set of items takes when every
 * item starts as soon as its prerequisites are done. Prerequisites outside the set are ignored (an
 * excluded item is not waited for).
 */
public final class CriticalPath {

	private CriticalPath() {
	}

	/** The path as a list of nodes and its total length. */
	public record Path(List<String> nodes, int length) {
	}

	public static Path of(Collection<String> nodes, Function<String, List<String>> prerequisites,
			ToIntFunction<String> duration) {
		Map<String, Integer> finish = new HashMap<>();
		Map<String, String> via = new HashMap<>();
		for (String node : nodes) {
			finish(node, nodes, prerequisites, duration, finish, via);
		}
		String last = null;
		for (String node : nodes) {
			if (last == null || finish.get(node) > finish.get(last)) {
				last = node;
			}
		}
		if (last == null) {
			return new Path(List.of(), 0);
		}
		List<String> path = new ArrayList<>();
		for (String node = last; node != null; node = via.get(node)) {
			path.add(0, node);
		}
		return new Path(List.copyOf(path), finish.get(last));
	}

	private static int finish(String node, Collection<String> nodes, Function<String, List<String>> prerequisites,
			ToIntFunction<String> duration, Map<String, Integer> finish, Map<String, String> via) {
		Integer known = finish.get(node);
		if (known != null) {
			return known;
		}
		int start = 0;
		for (String prerequisite : prerequisites.apply(node)) {
			if (!nodes.contains(prerequisite)) {
				continue;
			}
			int end = finish(prerequisite, nodes, prerequisites, duration, finish, via);
			if (end > start) {
				start = end;
				via.put(node, prerequisite);
			}
			else if (!via.containsKey(node) && end == start) {
				via.put(node, prerequisite);
			}
		}
		int end = start + duration.applyAsInt(node);
		finish.put(node, end);
		return end;
	}
}
