/**
 * Cross-region handling between platforms (跨域通办, "between platforms"): the transport that carries a message from
 * this OneGo instance to another province's instance (or any system speaking the same protocol,
 * docs/FEDERATION.md). It owns the partners known by their SM2 public keys ({@link cn.onego.crossregion.Federation},
 * which also says which instance serves a region), the outbox of messages to them, sent signed with retries and
 * never given up ({@link cn.onego.crossregion.FederationOutbox}), and the inbox that admits a signed, fresh, unseen
 * request once and hands it to the module that registered a {@link cn.onego.crossregion.FederationHandler} for its
 * kind. It publishes {@link cn.onego.crossregion.OutgoingMessageDelivered} when a partner took a message.
 * <p>
 * On that transport it carries cases (远程流转): a case this platform's hall accepted for a region a partner serves is
 * forwarded there ({@code CaseForwarding}), a forwarded case becomes a case of the competent hall here
 * ({@code ForwardedCases}), and the handling side reports each move back, its decisions applied to the receiving
 * side's case ({@code CaseReports}); {@link cn.onego.crossregion.PartnerCases} tells where a forwarded case stands.
 * The transport classes know no case: they depend on {@code shared} and {@code platform} alone.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cross-region",
		allowedDependencies = { "shared", "platform", "cases", "application", "identity" })
package cn.onego.crossregion;
