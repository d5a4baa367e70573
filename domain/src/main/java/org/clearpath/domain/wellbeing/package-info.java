/**
 * How the client is coping: a short check at intake and whenever the counselor chooses (stress,
 * sleep, shame, and a direct question about thoughts of self-harm). A crisis answer raises an
 * urgent task for the case's supervisor at once. The checks are internal: never shown to the
 * client.
 */
package org.clearpath.domain.wellbeing;
