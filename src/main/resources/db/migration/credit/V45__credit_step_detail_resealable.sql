-- A step's detail (an appeal statement, a reason) is sealed with the data key, and a key rotation re-seals every
-- sealed value under the new key (platform Resealing). So the application may rewrite that one column — and only
-- that one: who did what to the listing, when, and from which state to which, stays as written.
GRANT UPDATE (detail) ON credit_listing_step TO ${app_role};
