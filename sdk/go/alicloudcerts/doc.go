// TLS on Alibaba Cloud custom domains: ESA SaaS custom hostnames, CAS DV orders from a CSR, GA listener additional certificates.
package alicloudcerts
