package cn.onego.security;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * One of the application's own routes as Spring MVC maps it: method, path pattern, the path variables, request
 * parameters and headers it reads, and the type of its JSON body or its multipart parts. Read from
 * {@link RequestMappingHandlerMapping#getHandlerMethods()}, so that a route added later is in the corpus at once.
 */
record Route(String method, String pattern, List<Slot> pathVariables, List<Slot> parameters, List<Slot> headers,
		Slot body, boolean multipart, String handler) {

	/** A value the route reads: its name, Java type and whether it must be sent. */
	record Slot(String name, Type type, boolean required) {

		Class<?> raw() {
			return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
		}
	}

	static List<Route> of(RequestMappingHandlerMapping mappings) {
		DefaultParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();
		List<Route> routes = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			HandlerMethod handler = entry.getValue();
			if (!handler.getBeanType().getPackageName().startsWith("cn.onego")) {
				continue;
			}
			RequestMappingInfo info = entry.getKey();
			String pattern = info.getPathPatternsCondition() == null ? null
					: info.getPathPatternsCondition().getPatternValues().iterator().next();
			if (pattern == null || !pattern.startsWith("/api/")) {
				continue;
			}
			String method = info.getMethodsCondition().getMethods().isEmpty() ? "GET"
					: info.getMethodsCondition().getMethods().iterator().next().name();
			List<Slot> variables = new ArrayList<>();
			List<Slot> parameters = new ArrayList<>();
			List<Slot> headers = new ArrayList<>();
			Slot body = null;
			boolean multipart = false;
			for (MethodParameter parameter : handler.getMethodParameters()) {
				parameter.initParameterNameDiscovery(names);
				Type type = parameter.getGenericParameterType();
				if (parameter.hasParameterAnnotation(PathVariable.class)) {
					PathVariable a = parameter.getParameterAnnotation(PathVariable.class);
					variables.add(new Slot(a.value().isEmpty() ? parameter.getParameterName() : a.value(), type, true));
				}
				else if (parameter.hasParameterAnnotation(RequestParam.class)) {
					RequestParam a = parameter.getParameterAnnotation(RequestParam.class);
					boolean required = a.required() && a.defaultValue().equals(org.springframework.web.bind.annotation.ValueConstants.DEFAULT_NONE);
					parameters.add(new Slot(a.name().isEmpty() ? a.value().isEmpty() ? parameter.getParameterName() : a.value() : a.name(),
							type, required));
				}
				else if (parameter.hasParameterAnnotation(RequestHeader.class)) {
					RequestHeader a = parameter.getParameterAnnotation(RequestHeader.class);
					headers.add(new Slot(a.name().isEmpty() ? a.value() : a.name(), type, a.required()));
				}
				else if (parameter.hasParameterAnnotation(RequestBody.class)) {
					body = new Slot("body", type, parameter.getParameterAnnotation(RequestBody.class).required());
				}
				else if (parameter.hasParameterAnnotation(RequestPart.class)) {
					multipart = true;
				}
			}
			// a mapping selected by a parameter (GET /cases?number=…) must send it
			for (var expression : info.getParamsCondition().getExpressions()) {
				if (!expression.isNegated() && parameters.stream().noneMatch(p -> p.name().equals(expression.getName()))) {
					parameters.add(new Slot(expression.getName(), String.class, true));
				}
			}
			routes.add(new Route(method, pattern, List.copyOf(variables), List.copyOf(parameters), List.copyOf(headers), body,
					multipart, handler.getBeanType().getSimpleName() + "#" + handler.getMethod().getName()));
		}
		routes.sort(Comparator.comparing(Route::pattern).thenComparing(Route::method));
		return routes;
	}

	/** The pattern with each variable replaced by its value (already encoded as it should travel). */
	String path(Map<String, String> values) {
		String path = pattern;
		for (Slot variable : pathVariables) {
			path = path.replace("{" + variable.name() + "}", values.get(variable.name()));
		}
		return path;
	}

	@Override
	public String toString() {
		return method + " " + pattern;
	}

	// ------------------------------------------------------------------ body templates

	/** Where a value sits in a JSON body, as the problem's field names it: {@code applicant.name}, {@code requests[0].why}. */
	record Leaf(List<Object> at, Kind kind) {

		enum Kind {
			STRING, KEY, INT, LONG, BOOLEAN, ENUM, UUID, DATE, DECIMAL
		}

		String field() {
			StringBuilder field = new StringBuilder();
			for (Object segment : at) {
				if (segment instanceof Integer index) {
					field.append('[').append(index).append(']');
				}
				else {
					field.append(field.isEmpty() ? "" : ".").append(segment);
				}
			}
			return field.toString();
		}
	}

	/**
	 * A plausible body of the type — every field present, every map and list with one entry — and its leaves.
	 * {@code values} gives a field's plausible text by name (null: a default); enums take their first constant.
	 */
	static Object template(Type type, BiFunction<String, Class<?>, Object> values, List<Leaf> leaves) {
		return generate(type, "body", List.of(), values, leaves, 0);
	}

	private static Object generate(Type type, String name, List<Object> at, BiFunction<String, Class<?>, Object> values,
			List<Leaf> leaves, int depth) {
		Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : type instanceof Class<?> c ? c : Object.class;
		Object chosen = values.apply(name, raw);
		if (raw == String.class || raw == Object.class) {
			leaves.add(new Leaf(at, Leaf.Kind.STRING));
			return chosen != null ? chosen : "测试内容";
		}
		if (raw == int.class || raw == Integer.class) {
			leaves.add(new Leaf(at, Leaf.Kind.INT));
			return chosen != null ? chosen : 1;
		}
		if (raw == long.class || raw == Long.class) {
			leaves.add(new Leaf(at, Leaf.Kind.LONG));
			return chosen != null ? chosen : 1L;
		}
		if (raw == boolean.class || raw == Boolean.class) {
			leaves.add(new Leaf(at, Leaf.Kind.BOOLEAN));
			return chosen != null ? chosen : false;
		}
		if (raw == BigDecimal.class) {
			leaves.add(new Leaf(at, Leaf.Kind.DECIMAL));
			return 1;
		}
		if (raw == UUID.class) {
			leaves.add(new Leaf(at, Leaf.Kind.UUID));
			return chosen != null ? chosen : UUID.randomUUID().toString();
		}
		if (raw == LocalDate.class) {
			leaves.add(new Leaf(at, Leaf.Kind.DATE));
			return chosen != null ? chosen : "2026-06-30";
		}
		if (raw.isEnum()) {
			leaves.add(new Leaf(at, Leaf.Kind.ENUM));
			return chosen != null ? chosen : ((Enum<?>) raw.getEnumConstants()[0]).name();
		}
		if (depth > 4) {
			return null;
		}
		if (Map.class.isAssignableFrom(raw)) {
			Type valueType = ((ParameterizedType) type).getActualTypeArguments()[1];
			String key = chosen instanceof String k ? k : "KEY";
			List<Object> entry = append(at, key);
			leaves.add(new Leaf(entry, Leaf.Kind.KEY));
			Map<String, Object> map = new LinkedHashMap<>();
			map.put(key, generate(valueType, name + ".value", entry, values, leaves, depth + 1));
			return map;
		}
		if (Collection.class.isAssignableFrom(raw)) {
			Type elementType = ((ParameterizedType) type).getActualTypeArguments()[0];
			List<Object> list = new ArrayList<>();
			list.add(generate(elementType, name + ".element", append(at, 0), values, leaves, depth + 1));
			return list;
		}
		if (raw.isRecord()) {
			Map<String, Object> object = new LinkedHashMap<>();
			for (RecordComponent component : raw.getRecordComponents()) {
				Object value = generate(component.getGenericType(), component.getName(), append(at, component.getName()), values,
						leaves, depth + 1);
				if (value != null) {
					object.put(component.getName(), value);
				}
			}
			return object;
		}
		throw new IllegalStateException("no template for " + type + " (" + name + ")");
	}

	private static List<Object> append(List<Object> at, Object segment) {
		List<Object> longer = new ArrayList<>(at);
		longer.add(segment);
		return List.copyOf(longer);
	}

	/** A copy of the template with the value at {@code at} (or, for a key, the key itself) replaced. */
	@SuppressWarnings("unchecked")
	static Object replaced(Object template, List<Object> at, boolean key, Object replacement) {
		if (at.isEmpty()) {
			return replacement;
		}
		Object head = at.get(0);
		List<Object> rest = at.subList(1, at.size());
		if (template instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			for (Map.Entry<?, ?> e : map.entrySet()) {
				if (e.getKey().equals(head)) {
					if (key && rest.isEmpty()) {
						copy.put((String) replacement, e.getValue());
					}
					else {
						copy.put((String) e.getKey(), replaced(e.getValue(), rest, key, replacement));
					}
				}
				else {
					copy.put((String) e.getKey(), e.getValue());
				}
			}
			return copy;
		}
		if (template instanceof List<?> list) {
			List<Object> copy = new ArrayList<>((List<Object>) list);
			int index = (Integer) head;
			copy.set(index, replaced(copy.get(index), rest, key, replacement));
			return copy;
		}
		throw new IllegalStateException("nothing at " + at);
	}
}
