-- Rotation local bootstrap, step 3 of 3, on this machine ONLY (./rotation runs it; Kubernetes never
-- sees this file: deploy/k8s renders 00 and 10 alone, and its bootstrap Job sets the passwords from
-- each service's Secret). Local roles log in with password = role name, which the services accept
-- only because ./rotation hands it to them (ROTATION_DB_PASSWORD) and their dev/test profiles
-- default to it; ./rotation then applies any ROTATION_DB_PASSWORD_<ROLE> override.
ALTER ROLE identity_svc PASSWORD 'identity_svc';
ALTER ROLE catalog_svc PASSWORD 'catalog_svc';
ALTER ROLE matching_svc PASSWORD 'matching_svc';
ALTER ROLE user_features_svc PASSWORD 'user_features_svc';
ALTER ROLE analytics_svc PASSWORD 'analytics_svc';
ALTER ROLE config_svc PASSWORD 'config_svc';
