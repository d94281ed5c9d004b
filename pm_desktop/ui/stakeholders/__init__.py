"""The Stakeholders workspace: register, power/interest map, org chart, touchpoints, health."""
