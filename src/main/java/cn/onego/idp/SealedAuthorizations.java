package cn.onego.idp;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import cn.onego.platform.crypto.PersonalData;
import cn.onego.platform.crypto.SealedColumn;
import cn.onego.platform.crypto.SealedColumns;

/**
 * Spring Authorization Server's store of codes and tokens ({@code oauth2_authorization}) with the JSON it keeps
 * about each — the attributes (the signed-in principal) and every token's metadata (the claims: ID number,
 * name, mobile) — sealed like other personal data. The token values themselves stay as they are: the server
 * looks tokens up by value.
 */
final class SealedAuthorizations implements SealedColumns {

	/** The columns of the service's parameter list, in its order (its {@code COLUMN_NAMES}). */
	private static final List<String> COLUMNS = List.of("id", "registered_client_id", "principal_name",
			"authorization_grant_type", "authorized_scopes", "attributes", "state", "authorization_code_value",
			"authorization_code_issued_at", "authorization_code_expires_at", "authorization_code_metadata",
			"access_token_value", "access_token_issued_at", "access_token_expires_at", "access_token_metadata",
			"access_token_type", "access_token_scopes", "oidc_id_token_value", "oidc_id_token_issued_at",
			"oidc_id_token_expires_at", "oidc_id_token_metadata", "refresh_token_value", "refresh_token_issued_at",
			"refresh_token_expires_at", "refresh_token_metadata", "user_code_value", "user_code_issued_at",
			"user_code_expires_at", "user_code_metadata", "device_code_value", "device_code_issued_at",
			"device_code_expires_at", "device_code_metadata");

	private static final Set<String> SEALED = Set.of("attributes", "authorization_code_metadata", "access_token_metadata",
			"oidc_id_token_metadata", "refresh_token_metadata", "user_code_metadata", "device_code_metadata");

	private final PersonalData data;

	SealedAuthorizations(PersonalData data) {
		this.data = data;
	}

	@Override
	public List<SealedColumn> sealedColumns() {
		return SEALED.stream().sorted().map(column -> SealedColumn.of("oauth2_authorization", column)).toList();
	}

	JdbcOAuth2AuthorizationService service(JdbcOperations jdbc, RegisteredClientRepository clients) {
		JdbcOAuth2AuthorizationService service = new JdbcOAuth2AuthorizationService(jdbc, clients);
		Function<OAuth2Authorization, List<SqlParameterValue>> parameters = new JdbcOAuth2AuthorizationService.JsonMapperOAuth2AuthorizationParametersMapper();
		service.setAuthorizationParametersMapper(authorization -> sealed(parameters.apply(authorization)));
		RowMapper<OAuth2Authorization> rows = new JdbcOAuth2AuthorizationService.JsonMapperOAuth2AuthorizationRowMapper(clients);
		service.setAuthorizationRowMapper((rs, n) -> rows.mapRow(opening(rs), n));
		return service;
	}

	private List<SqlParameterValue> sealed(List<SqlParameterValue> parameters) {
		if (parameters.size() != COLUMNS.size()) {
			throw new IllegalStateException("Spring Authorization Server's columns changed: " + parameters.size());
		}
		List<SqlParameterValue> sealed = new ArrayList<>(parameters.size());
		for (int i = 0; i < parameters.size(); i++) {
			SqlParameterValue parameter = parameters.get(i);
			String column = COLUMNS.get(i);
			sealed.add(SEALED.contains(column) && parameter.getValue() instanceof String text
					? new SqlParameterValue(parameter.getSqlType(), data.seal(text, "oauth2_authorization." + column))
					: parameter);
		}
		return sealed;
	}

	/** The row as the service reads it, the sealed columns opened. */
	private ResultSet opening(ResultSet rs) {
		return (ResultSet) Proxy.newProxyInstance(ResultSet.class.getClassLoader(), new Class<?>[] { ResultSet.class },
				(proxy, method, arguments) -> {
					try {
						Object value = method.invoke(rs, arguments);
						if (method.getName().equals("getString") && arguments != null && arguments[0] instanceof String column
								&& SEALED.contains(column)) {
							return data.open((String) value, "oauth2_authorization." + column);
						}
						return value;
					}
					catch (InvocationTargetException e) {
						throw e.getCause();
					}
				});
	}
}
