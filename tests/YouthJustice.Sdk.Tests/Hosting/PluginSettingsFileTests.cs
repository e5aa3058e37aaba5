using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Hosting;

namespace YouthJustice.Sdk.Tests.Hosting;

public class PluginSettingsFileTests
{
    [Fact]
    public void A_settings_file_gives_each_plugins_settings_as_text_in_file_order()
    {
        var settings = PluginSettingsFile.Parse("""
            {
              // comments and trailing commas are allowed
              "warwickshire-ecm": { "sroi.serviceCost": 50000.50, "sroi.unitCostSource": "Home Office, 2018", },
              "coventry-diversion": { "consent.required": true }
            }
            """, "settings.json");

        Assert.Equal(
            [("warwickshire-ecm", "sroi.serviceCost", "50000.50"), ("warwickshire-ecm", "sroi.unitCostSource", "Home Office, 2018"), ("coventry-diversion", "consent.required", "true")],
            settings.Select(s => (s.PluginId, s.Name, s.Value)));
        Assert.Equal("settings.json property 'warwickshire-ecm.sroi.serviceCost'", settings[0].Origin);
    }

    [Theory]
    [InlineData("[1]", "settings.json: expected an object with one property per plugin id")]
    [InlineData("{ \"warwickshire-ecm\": 3 }", "settings.json property 'warwickshire-ecm': expected an object of the plugin's settings")]
    [InlineData("{ \"warwickshire-ecm\": { \"sroi.serviceCost\": null } }", "settings.json property 'warwickshire-ecm.sroi.serviceCost': setting 'sroi.serviceCost' must be a string, number, true or false, not null")]
    [InlineData("{ \"warwickshire-ecm\": { \"sroi.serviceCost\": [1] } }", "not an array")]
    [InlineData("{ \"warwickshire-ecm\": {\n \"sroi.serviceCost\": 1 ", "settings.json line 2: not valid JSON")]
    public void A_malformed_settings_file_is_an_error_naming_the_file_and_the_property_or_line(string json, string message)
    {
        var ex = Assert.Throws<FormatException>(() => PluginSettingsFile.Parse(json, "settings.json"));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("warwickshire-ecm:sroi.serviceCost=50000", "warwickshire-ecm", "sroi.serviceCost", "50000")]
    [InlineData(" warwickshire-ecm : sroi.unitCostSource = A=B ", "warwickshire-ecm", "sroi.unitCostSource", "A=B")]
    [InlineData("warwickshire-ecm:sroi.serviceCost=", "warwickshire-ecm", "sroi.serviceCost", "")]
    public void An_assignment_is_plugin_id_colon_name_equals_value(string text, string plugin, string name, string value)
    {
        var setting = PluginSettingsFile.ParseAssignment(text, "--plugin-setting");

        Assert.Equal((plugin, name, value), (setting.PluginId, setting.Name, setting.Value));
    }

    [Theory]
    [InlineData("sroi.serviceCost=50000")]
    [InlineData("warwickshire-ecm:sroi.serviceCost")]
    [InlineData(":sroi.serviceCost=1")]
    [InlineData("warwickshire-ecm:=1")]
    [InlineData("a=b:c")]
    public void A_malformed_assignment_is_an_error_quoting_it_and_showing_the_shape(string text)
    {
        var ex = Assert.Throws<FormatException>(() => PluginSettingsFile.ParseAssignment(text, "--plugin-setting"));

        Assert.Equal($"--plugin-setting '{text}' is not a plugin setting: write plugin-id:name=value, e.g. warwickshire-ecm:sroi.serviceCost=50000.", ex.Message);
    }

    [Theory]
    [InlineData("1234.50", 1234.50)]
    [InlineData("-3", -3)]
    [InlineData("", 7)]
    public void A_decimal_setting_reads_invariant_numbers_and_blank_takes_the_default(string text, double expected)
    {
        var settings = new Dictionary<string, string> { ["sroi.serviceCost"] = text };

        Assert.Equal((decimal)expected, settings.GetDecimalSetting("sroi.serviceCost", 7m));
    }

    [Theory]
    [InlineData("ten")]
    [InlineData("1,234")]
    [InlineData("£50")]
    public void A_malformed_decimal_setting_is_an_error_naming_the_setting_and_value(string text)
    {
        var settings = new Dictionary<string, string> { ["sroi.serviceCost"] = text };

        var ex = Assert.Throws<PluginSettingException>(() => settings.GetDecimalSetting("sroi.serviceCost", 0m));

        Assert.Equal(("sroi.serviceCost", text), (ex.SettingName, ex.Value));
        Assert.Equal($"Setting 'sroi.serviceCost' is '{text}', which is not a number (e.g. 1234.50).", ex.Message);
        Assert.IsAssignableFrom<FormatException>(ex);
    }
}
