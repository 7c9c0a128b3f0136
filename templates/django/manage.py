#!/usr/bin/env python
"""Django's command-line utility, on the settings of the current ENVIRONMENT."""

import sys

from config.env import select_settings_module

if __name__ == "__main__":
    select_settings_module()
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
