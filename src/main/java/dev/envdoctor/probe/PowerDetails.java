package dev.envdoctor.probe;

import dev.envdoctor.model.PowerInfo;

/** On battery? In a low power mode? Both throttle training; null where unknown. */
public interface PowerDetails {

  PowerInfo read();
}
